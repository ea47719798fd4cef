import type { Permission } from '@shopbook/shared';
import 'vue-router';

export {};

declare module 'vue-router' {
  interface RouteMeta {
    /** Open to visitors without a session (the login page). */
    public?: boolean;
    /** The permission the page needs; the menu hides it and the guard refuses it without. */
    permission?: Permission;
    /** Key under `nav.` naming the page, for the header and the not-available page. */
    navKey?: string;
  }
}
