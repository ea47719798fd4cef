import { ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * The wiring every document list page shares: a create dialog, a detail drawer, and
 * opening a document named by `?id=…` (links from a ledger move, or from suggestions to
 * the draft orders they made). Closing the drawer drops the id from the address, so a
 * reload does not open it again.
 */
export function useDocumentPage(reload: () => Promise<unknown>) {
  const route = useRoute();
  const router = useRouter();
  const createOpen = ref(false);
  const detailOpen = ref(false);
  const detailId = ref<string | null>(null);

  function open(id: string): void {
    detailId.value = id;
    detailOpen.value = true;
  }
  function onCreated(doc: { id: string }): void {
    void reload();
    open(doc.id);
  }
  watch(
    () => route.query.id,
    (id) => {
      if (typeof id === 'string' && id) open(id);
    },
    { immediate: true },
  );
  watch(detailOpen, (isOpen) => {
    if (!isOpen && route.query.id) void router.replace({ query: {} });
  });
  return { createOpen, detailOpen, detailId, open, onCreated };
}
