/**
 * The demo tenants. Benxi (本溪市) and its six districts and counties are the platform's home;
 * Dandong (丹东市), smaller, exists so that tests and demos can show that a city's view stops at
 * its own districts. Codes are stable: tokens, tests and the README use them.
 */
export interface DemoDistrict {
  code: string;
  name: string;
  kind: "district" | "county";
}
export interface DemoCity {
  code: string;
  name: string;
  districts: DemoDistrict[];
}

export const DEMO_CITIES: DemoCity[] = [
  {
    code: "benxi",
    name: "本溪市",
    districts: [
      { code: "pingshan", name: "平山区", kind: "district" },
      { code: "xihu", name: "溪湖区", kind: "district" },
      { code: "mingshan", name: "明山区", kind: "district" },
      { code: "nanfen", name: "南芬区", kind: "district" },
      { code: "benxi_county", name: "本溪满族自治县", kind: "county" },
      { code: "huanren", name: "桓仁满族自治县", kind: "county" },
    ],
  },
  {
    code: "dandong",
    name: "丹东市",
    districts: [
      { code: "zhenxing", name: "振兴区", kind: "district" },
      { code: "yuanbao", name: "元宝区", kind: "district" },
    ],
  },
];

/** Departments every demo district starts with (区直部门). */
export const DEMO_DEPARTMENTS: Array<{ code: string; name: string }> = [
  { code: "housing", name: "住房和城乡建设局" },
  { code: "agriculture", name: "农业农村局" },
  { code: "education", name: "教育局" },
  { code: "urban_management", name: "城市管理综合行政执法局" },
  { code: "public_security", name: "公安分局" },
  { code: "market_supervision", name: "市场监督管理局" },
  { code: "civil_affairs", name: "民政局" },
  { code: "water", name: "水务局" },
];

export function findDemoDistrict(code: string): { city: DemoCity; district: DemoDistrict } | null {
  for (const city of DEMO_CITIES) {
    const district = city.districts.find((d) => d.code === code);
    if (district) return { city, district };
  }
  return null;
}
