/** Files in public/ are served under the app's base (/pos/), which templates do not add. */
export const APP_ICON_URL = `${import.meta.env.BASE_URL}icons/icon-192.png`;
