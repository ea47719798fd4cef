import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../i18n/index.ts';
import DiscrepancyTag from './DiscrepancyTag.vue';

const render = (shipped: string | null, received: string | null) =>
  mount(DiscrepancyTag, { props: { shipped, received }, global: { plugins: [i18n] } });

describe('DiscrepancyTag', () => {
  beforeEach(() => setLocale('en'));

  it('shows a shortfall in red and an overage in amber, with the amount', () => {
    const short = render('5.000', '3');
    expect(short.text()).toBe('Short 2');
    expect(short.find('.el-tag--danger').exists()).toBe(true);
    const over = render('5.000', '5.25');
    expect(over.text()).toBe('Over 0.25');
    expect(over.find('.el-tag--warning').exists()).toBe(true);
  });

  it('says "as shipped" when nothing differs and a dash while unknown', () => {
    expect(render('5.000', '5').text()).toBe('As shipped');
    expect(render('5.000', '').text()).toBe('—');
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    expect(render('5', '4').text()).toBe('短少 1');
  });
});
