/**
 * Places people may ask about, so that a question about a place the knowledge base does not cover
 * gets a plain "I don't know" instead of a figure about 忻州. Places the articles mention are covered
 * whatever this list says; the glossary's `places` add more.
 */
export const KNOWN_PLACES: readonly string[] = [
  // provinces and their capitals
  "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
  "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
  "宁夏", "新疆", "台湾", "香港", "澳门", "石家庄", "呼和浩特", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州",
  "南昌", "济南", "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁",
  "银川", "乌鲁木齐", "台北",
  // large cities
  "深圳", "苏州", "宁波", "青岛", "大连", "厦门", "无锡", "佛山", "东莞", "温州", "烟台", "唐山", "徐州", "包头", "鄂尔多斯",
  "雄安",
  // Shanxi's cities
  "太原", "大同", "朔州", "忻州", "阳泉", "吕梁", "晋中", "长治", "晋城", "临汾", "运城",
  // Xinzhou's counties
  "忻府", "原平", "定襄", "五台", "代县", "繁峙", "宁武", "静乐", "神池", "五寨", "岢岚", "河曲", "保德", "偏关",
  // abroad
  "美国", "日本", "韩国", "英国", "法国", "德国", "俄罗斯", "印度", "巴黎", "伦敦", "纽约", "东京", "首尔", "柏林", "莫斯科",
  "欧洲", "非洲", "澳大利亚", "加拿大", "新加坡",
];

/** Province-level names: a question naming one is satisfied by evidence that says 全省 or 省外. */
export const PROVINCES: ReadonlySet<string> = new Set(KNOWN_PLACES.slice(0, 34));

/** English names, lower case, to the Chinese name. */
export const ENGLISH_PLACES: Readonly<Record<string, string>> = {
  beijing: "北京", peking: "北京", tianjin: "天津", shanghai: "上海", chongqing: "重庆", hebei: "河北", shanxi: "山西",
  "inner mongolia": "内蒙古", jiangsu: "江苏", zhejiang: "浙江", guangdong: "广东", shenzhen: "深圳", guangzhou: "广州",
  hangzhou: "杭州", nanjing: "南京", wuhan: "武汉", chengdu: "成都", "xi'an": "西安", xian: "西安", shaanxi: "陕西",
  henan: "河南", shandong: "山东", "hong kong": "香港", macau: "澳门", taiwan: "台湾", taiyuan: "太原", datong: "大同",
  shuozhou: "朔州", xinzhou: "忻州", yangquan: "阳泉", lvliang: "吕梁", luliang: "吕梁", jinzhong: "晋中",
  changzhi: "长治", jincheng: "晋城", linfen: "临汾", yuncheng: "运城", baoding: "保定", xiongan: "雄安",
  xinfu: "忻府", yuanping: "原平", dingxiang: "定襄", wutai: "五台", daixian: "代县", "dai county": "代县", fanshi: "繁峙",
  ningwu: "宁武", jingle: "静乐", shenchi: "神池", wuzhai: "五寨", kelan: "岢岚", hequ: "河曲", baode: "保德", pianguan: "偏关",
  paris: "巴黎", london: "伦敦", "new york": "纽约", tokyo: "东京", seoul: "首尔", berlin: "柏林", moscow: "莫斯科",
  america: "美国", usa: "美国", "united states": "美国", japan: "日本", korea: "韩国", france: "法国", germany: "德国",
  russia: "俄罗斯", india: "印度", europe: "欧洲", africa: "非洲", australia: "澳大利亚", canada: "加拿大",
  singapore: "新加坡", uk: "英国", britain: "英国", england: "英国",
};

/** The districts, county-level cities and counties of 忻州市, as articles name them. */
export const XINZHOU_COUNTIES: readonly string[] = [
  "忻府区",
  "原平市",
  "定襄县",
  "五台县",
  "代县",
  "繁峙县",
  "宁武县",
  "静乐县",
  "神池县",
  "五寨县",
  "岢岚县",
  "河曲县",
  "保德县",
  "偏关县",
];
