import 'element-plus/dist/index.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { api } from './api/client.ts';
import { useAuthStore } from './features/auth/auth.store.ts';
import { i18n } from './i18n/index.ts';
import { createAppRouter } from './router/index.ts';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();
app.use(pinia).use(i18n).use(router);

// Any 401 outside login and who-am-I means the session ended (expired, signed out in
// another tab, user disabled): forget the user and ask them to sign in again.
api.setOnUnauthenticated(() => {
  useAuthStore(pinia).forget();
  const current = router.currentRoute.value;
  if (current.name !== 'login' && current.name !== 'setup') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

app.mount('#app');
