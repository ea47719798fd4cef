/**
 * The demo shop's catalogue: a category tree with product families. Each family is
 * expanded into several products (brands × sizes) by the seed, to about 300 items.
 */
export interface Family {
  name: string;
  brands: string[];
  sizes: string[];
  /** Sale price of the first size in minor units; later sizes scale up. */
  price: number;
  taxBp: number;
  unit?: string;
  weighed?: boolean;
  /** Batch-tracked with expiry; the number is the shelf life in days. */
  shelfLifeDays?: number;
}

export interface CategoryNode {
  code: string;
  name: string;
  children?: CategoryNode[];
  families?: Family[];
}

export const DEMO_CATEGORIES: CategoryNode[] = [
  {
    code: 'BEV', name: '饮料 Beverages', children: [
      { code: 'BEV-SOFT', name: '碳酸饮料 Soft drinks', families: [
        { name: '可乐 Cola', brands: ['可口可乐 Coca-Cola', '百事 Pepsi', '非常 Future'], sizes: ['330ml', '500ml', '2L'], price: 300, taxBp: 1300 },
        { name: '雪碧 Lemon soda', brands: ['雪碧 Sprite', '七喜 7Up'], sizes: ['330ml', '500ml', '2L'], price: 300, taxBp: 1300 },
      ] },
      { code: 'BEV-TEA', name: '茶饮料 Tea drinks', families: [
        { name: '冰红茶 Iced black tea', brands: ['康师傅 Master Kong', '统一 Uni-President'], sizes: ['500ml', '1L'], price: 350, taxBp: 1300 },
        { name: '绿茶 Green tea', brands: ['康师傅 Master Kong', '东方树叶 Oriental Leaf', '三得利 Suntory'], sizes: ['500ml', '900ml'], price: 400, taxBp: 1300 },
      ] },
      { code: 'BEV-WATER', name: '饮用水 Water', families: [
        { name: '矿泉水 Mineral water', brands: ['农夫山泉 Nongfu Spring', '怡宝 C\'estbon', '百岁山 Ganten'], sizes: ['550ml', '1.5L', '4L'], price: 200, taxBp: 1300 },
      ] },
      { code: 'BEV-JUICE', name: '果汁 Juice', families: [
        { name: '橙汁 Orange juice', brands: ['汇源 Huiyuan', '美汁源 Minute Maid'], sizes: ['450ml', '1L'], price: 550, taxBp: 1300 },
        { name: '苹果汁 Apple juice', brands: ['汇源 Huiyuan', '味全 Weichuan'], sizes: ['450ml', '1L'], price: 550, taxBp: 1300 },
      ] },
    ],
  },
  {
    code: 'SNK', name: '零食 Snacks', children: [
      { code: 'SNK-CHIPS', name: '薯片 Crisps', families: [
        { name: '薯片 Potato crisps', brands: ['乐事 Lay\'s', '可比克 Copico', '上好佳 Oishi'], sizes: ['40g', '70g', '135g'], price: 450, taxBp: 1300 },
      ] },
      { code: 'SNK-BISC', name: '饼干 Biscuits', families: [
        { name: '夹心饼干 Sandwich biscuits', brands: ['奥利奥 Oreo', '康师傅 Master Kong', '好丽友 Orion'], sizes: ['97g', '194g', '388g'], price: 600, taxBp: 1300 },
        { name: '苏打饼干 Crackers', brands: ['达能 Danone', '嘉士利 Jiashili'], sizes: ['100g', '400g'], price: 500, taxBp: 1300 },
      ] },
      { code: 'SNK-CANDY', name: '糖果 Sweets', families: [
        { name: '巧克力 Chocolate', brands: ['德芙 Dove', '士力架 Snickers', '费列罗 Ferrero'], sizes: ['43g', '100g', '200g'], price: 800, taxBp: 1300 },
        { name: '口香糖 Chewing gum', brands: ['绿箭 Doublemint', '益达 Extra'], sizes: ['5片 5 pcs', '40粒 40 pcs'], price: 250, taxBp: 1300 },
      ] },
    ],
  },
  {
    code: 'DAIRY', name: '乳制品 Dairy', children: [
      { code: 'DAIRY-MILK', name: '牛奶 Milk', families: [
        { name: '纯牛奶 Whole milk', brands: ['伊利 Yili', '蒙牛 Mengniu', '光明 Bright'], sizes: ['250ml', '1L'], price: 350, taxBp: 900, shelfLifeDays: 30 },
        { name: '鲜牛奶 Fresh milk', brands: ['光明 Bright', '三元 Sanyuan'], sizes: ['950ml'], price: 1250, taxBp: 900, shelfLifeDays: 7 },
      ] },
      { code: 'DAIRY-YOG', name: '酸奶 Yogurt', families: [
        { name: '酸奶 Yogurt', brands: ['安慕希 Ambrosial', '莫斯利安 Mosliyan', '简爱 Simple Love'], sizes: ['200g', '4×100g'], price: 650, taxBp: 900, shelfLifeDays: 21 },
      ] },
    ],
  },
  {
    code: 'FRESH', name: '生鲜 Fresh', children: [
      { code: 'FRESH-FRUIT', name: '水果 Fruit', families: [
        { name: '水果 Fruit', brands: ['苹果 Apples', '香蕉 Bananas', '橙子 Oranges', '葡萄 Grapes', '梨 Pears', '西瓜 Watermelon', '猕猴桃 Kiwi', '芒果 Mango'], sizes: ['散装 loose'], price: 1200, taxBp: 900, unit: 'kg', weighed: true },
      ] },
      { code: 'FRESH-VEG', name: '蔬菜 Vegetables', families: [
        { name: '蔬菜 Vegetables', brands: ['西红柿 Tomatoes', '黄瓜 Cucumbers', '土豆 Potatoes', '白菜 Chinese cabbage', '胡萝卜 Carrots', '青椒 Green peppers', '洋葱 Onions', '菠菜 Spinach'], sizes: ['散装 loose'], price: 600, taxBp: 900, unit: 'kg', weighed: true },
      ] },
      { code: 'FRESH-MEAT', name: '肉类 Meat', families: [
        { name: '肉类 Meat', brands: ['猪里脊 Pork loin', '五花肉 Pork belly', '牛腩 Beef brisket', '鸡胸肉 Chicken breast', '鸡翅 Chicken wings'], sizes: ['散装 loose'], price: 3800, taxBp: 900, unit: 'kg', weighed: true },
      ] },
    ],
  },
  {
    code: 'GROC', name: '粮油 Grocery', children: [
      { code: 'GROC-RICE', name: '米面 Rice and flour', families: [
        { name: '大米 Rice', brands: ['金龙鱼 Arawana', '福临门 Fortune', '十月稻田 Shiyue Daotian'], sizes: ['2.5kg', '5kg', '10kg'], price: 2990, taxBp: 900 },
        { name: '挂面 Dried noodles', brands: ['金沙河 Jinshahe', '陈克明 Chenkeming'], sizes: ['500g', '1kg'], price: 590, taxBp: 900 },
      ] },
      { code: 'GROC-OIL', name: '食用油 Cooking oil', families: [
        { name: '食用油 Cooking oil', brands: ['金龙鱼 Arawana', '鲁花 Luhua', '福临门 Fortune'], sizes: ['900ml', '1.8L', '5L'], price: 2590, taxBp: 900 },
      ] },
      { code: 'GROC-SAUCE', name: '调味品 Condiments', families: [
        { name: '酱油 Soy sauce', brands: ['海天 Haitian', '李锦记 Lee Kum Kee', '厨邦 Chubang'], sizes: ['500ml', '1.28L'], price: 890, taxBp: 1300 },
        { name: '醋 Vinegar', brands: ['恒顺 Hengshun', '海天 Haitian'], sizes: ['500ml'], price: 690, taxBp: 1300 },
        { name: '方便面 Instant noodles', brands: ['康师傅 Master Kong', '统一 Uni-President', '白象 Baixiang'], sizes: ['单包 single', '5连包 5-pack'], price: 450, taxBp: 1300 },
      ] },
    ],
  },
  {
    code: 'HOME', name: '日用品 Household', children: [
      { code: 'HOME-CLEAN', name: '清洁用品 Cleaning', families: [
        { name: '洗衣液 Laundry liquid', brands: ['蓝月亮 Bluemoon', '立白 Liby', '奥妙 Omo'], sizes: ['1kg', '3kg'], price: 2990, taxBp: 1300 },
        { name: '洗洁精 Dish soap', brands: ['白猫 White Cat', '立白 Liby'], sizes: ['500g', '1.5kg'], price: 990, taxBp: 1300 },
      ] },
      { code: 'HOME-PAPER', name: '纸品 Paper', families: [
        { name: '抽纸 Tissues', brands: ['维达 Vinda', '清风 Breeze', '心相印 Hearttex'], sizes: ['3包 3-pack', '6包 6-pack', '12包 12-pack'], price: 1290, taxBp: 1300 },
      ] },
      { code: 'HOME-CARE', name: '个人护理 Personal care', families: [
        { name: '洗发水 Shampoo', brands: ['海飞丝 Head & Shoulders', '潘婷 Pantene', '清扬 Clear'], sizes: ['200ml', '400ml', '750ml'], price: 3290, taxBp: 1300 },
        { name: '牙膏 Toothpaste', brands: ['高露洁 Colgate', '佳洁士 Crest', '云南白药 Yunnan Baiyao'], sizes: ['120g', '180g'], price: 1590, taxBp: 1300 },
      ] },
    ],
  },
  {
    code: 'FROZEN', name: '冷冻食品 Frozen', children: [
      { code: 'FROZEN-DUMP', name: '速冻面点 Dumplings', families: [
        { name: '水饺 Dumplings', brands: ['思念 Synear', '三全 Sanquan', '湾仔码头 Wanchai Ferry'], sizes: ['500g', '1kg'], price: 1590, taxBp: 1300, shelfLifeDays: 270 },
        { name: '汤圆 Sweet rice balls', brands: ['思念 Synear', '三全 Sanquan'], sizes: ['400g', '800g'], price: 1290, taxBp: 1300, shelfLifeDays: 270 },
      ] },
      { code: 'FROZEN-ICE', name: '冰淇淋 Ice cream', families: [
        { name: '冰淇淋 Ice cream', brands: ['伊利 Yili', '和路雪 Wall\'s', '哈根达斯 Häagen-Dazs'], sizes: ['单支 single', '家庭装 family'], price: 500, taxBp: 1300, shelfLifeDays: 365 },
      ] },
    ],
  },
  {
    code: 'ALC', name: '酒类 Alcohol', children: [
      { code: 'ALC-BEER', name: '啤酒 Beer', families: [
        { name: '啤酒 Beer', brands: ['青岛 Tsingtao', '雪花 Snow', '百威 Budweiser', '燕京 Yanjing'], sizes: ['330ml', '500ml', '12×330ml'], price: 450, taxBp: 1300 },
      ] },
      { code: 'ALC-SPIRIT', name: '白酒 Baijiu', families: [
        { name: '白酒 Baijiu', brands: ['茅台 Moutai', '五粮液 Wuliangye', '红星二锅头 Red Star Erguotou'], sizes: ['100ml', '500ml'], price: 2500, taxBp: 1300 },
      ] },
      { code: 'ALC-WINE', name: '葡萄酒 Wine', families: [
        { name: '葡萄酒 Wine', brands: ['张裕 Changyu', '长城 Great Wall', '奔富 Penfolds'], sizes: ['750ml'], price: 8900, taxBp: 1300 },
      ] },
    ],
  },
  {
    code: 'BAKE', name: '烘焙 Bakery', families: [
      { name: '面包 Bread', brands: ['桃李 Toly', '宾堡 Bimbo', '曼可顿 Mankattan'], sizes: ['切片 sliced', '吐司 toast', '餐包 rolls'], price: 690, taxBp: 1300, shelfLifeDays: 5 },
      { name: '蛋糕 Cake', brands: ['好利来 Holiland', '达利园 Daliyuan'], sizes: ['6枚 6 pcs', '12枚 12 pcs'], price: 1290, taxBp: 1300, shelfLifeDays: 10 },
    ],
  },
  {
    code: 'DRINKS-HOT', name: '咖啡茶叶 Coffee and tea', families: [
      { name: '咖啡 Coffee', brands: ['雀巢 Nescafé', '星巴克 Starbucks', '三顿半 Saturnbird'], sizes: ['12条 12 sticks', '30条 30 sticks', '罐装 tin'], price: 3990, taxBp: 1300 },
      { name: '茶叶 Tea leaves', brands: ['西湖龙井 Longjing', '铁观音 Tieguanyin', '普洱 Pu\'er'], sizes: ['100g', '250g'], price: 6800, taxBp: 1300 },
    ],
  },
  {
    code: 'EGGS', name: '蛋类 Eggs', families: [
      { name: '鸡蛋 Eggs', brands: ['德青源 DQY', '黄天鹅 Yellow Swan', '圣迪乐村 Sundaily'], sizes: ['10枚 10 eggs', '30枚 30 eggs'], price: 1590, taxBp: 900, shelfLifeDays: 30 },
    ],
  },
  {
    code: 'BABY', name: '母婴 Baby', families: [
      { name: '奶粉 Infant formula', brands: ['飞鹤 Feihe', '美赞臣 Enfamil', '爱他美 Aptamil'], sizes: ['400g', '800g'], price: 15800, taxBp: 1300, shelfLifeDays: 540 },
      { name: '纸尿裤 Diapers', brands: ['帮宝适 Pampers', '好奇 Huggies', '花王 Merries'], sizes: ['S', 'M', 'L'], price: 8900, taxBp: 1300 },
    ],
  },
  {
    code: 'STAT', name: '文具电池 Stationery', families: [
      { name: '中性笔 Gel pen', brands: ['晨光 M&G', '得力 Deli', '百乐 Pilot'], sizes: ['单支 single', '12支 12-pack'], price: 300, taxBp: 1300 },
      { name: '笔记本 Notebook', brands: ['得力 Deli', '国誉 Kokuyo'], sizes: ['A5', 'B5', 'A4'], price: 590, taxBp: 1300 },
      { name: '电池 Batteries', brands: ['南孚 Nanfu', '金霸王 Duracell', '双鹿 Shuanglu'], sizes: ['AA×4', 'AAA×4'], price: 1990, taxBp: 1300 },
    ],
  },
  {
    code: 'PET', name: '宠物 Pets', families: [
      { name: '猫粮 Cat food', brands: ['皇家 Royal Canin', '伟嘉 Whiskas', '麦富迪 Myfoodie'], sizes: ['1.5kg', '4kg'], price: 6900, taxBp: 900 },
      { name: '狗粮 Dog food', brands: ['皇家 Royal Canin', '宝路 Pedigree', '比瑞吉 Nature Bridge'], sizes: ['2kg', '7.5kg'], price: 7900, taxBp: 900 },
    ],
  },
  {
    code: 'SERV', name: '服务 Services', families: [
      { name: '服务 Service', brands: ['送货上门 Home delivery', '礼品包装 Gift wrapping'], sizes: ['次 each'], price: 1000, taxBp: 600, unit: 'service' },
      { name: '购物卡 Gift card', brands: ['储值卡 Stored-value card'], sizes: ['100元 CNY 100', '500元 CNY 500'], price: 10000, taxBp: 0, unit: 'card' },
    ],
  },
];
