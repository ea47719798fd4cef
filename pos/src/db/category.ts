/** A category as pulled (`categories`): the grid's tiles show its name. */
export interface CategoryRecord {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  revision: number;
}
