-- A unit's history is part of the ledger: corrected by another document, never edited.
CREATE TRIGGER serial_moves_append_only BEFORE UPDATE OR DELETE ON serial_moves
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
