import { type Rng } from "../rng";
import { type Build } from "./plan";
import { type Areas } from "./areas";
import { type Homes } from "./households";
import { ROADS, SURNAMES } from "./words";

/**
 * Organizations in each grid: the residents' or villagers' committee in a community's first grid,
 * and a few shops, firms, clinics, schools and markets everywhere.
 */
export function buildOrganizations(build: Build, areas: Areas, homes: Homes): void {
  const { t, rng, newId, district } = build;
  const { communityById } = areas;
  const { groupsOfGrid } = homes;
  const firstGridOf = new Set<string>();
  for (const c of t.community) {
    const g = t.grid.find((x) => x.community_id === c.id);
    if (g) firstGridOf.add(g.id);
  }
  for (const g of t.grid) {
    const area = communityById.get(g.community_id)!;
    const stem = area.name.replace(/(社区|村)$/, "");
    const rural = g.kind === "rural";
    const road = rng.pick(ROADS);
    const addr = () =>
      rural
        ? `${area.name}${rng.pick(groupsOfGrid.get(g.id) ?? [""])}`
        : `${district.name}${road}${rng.int(1, 200)}号`;
    const orgs: Array<[string, string]> = [];
    if (firstGridOf.has(g.id)) {
      orgs.push(["government_agency", rural ? `${area.name}村民委员会` : `${area.name}居民委员会`]);
    }
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const kind = rng.weighted(
        rural
          ? ([
              ["shop", 40],
              ["enterprise", 30],
              ["clinic", 12],
              ["social_organization", 10],
              ["school", 5],
              ["market", 3],
            ] as const)
          : ([
              ["shop", 40],
              ["enterprise", 15],
              ["social_organization", 10],
              ["clinic", 8],
              ["commercial_building", 7],
              ["school", 6],
              ["market", 5],
              ["government_agency", 2],
            ] as const),
      );
      orgs.push([kind, organizationName(rng, kind, stem, area.name, rural, district.name)]);
    }
    for (const [kind, name] of orgs) {
      t.organization.push({ id: newId(), grid_id: g.id, kind, name, address: addr() });
    }
  }
}

function organizationName(
  rng: Rng,
  kind: string,
  stem: string,
  area: string,
  rural: boolean,
  districtName: string,
): string {
  const surname = rng.weighted(SURNAMES);
  switch (kind) {
    case "shop":
      return rng.chance(0.5)
        ? `${rng.pick(["老", "小", ""])}${surname}${rng.pick(["记包子铺", "家小吃部", "记面馆", "家水果店", "记修车铺"])}`
        : `${stem}${rng.pick(["便民超市", "水果店", "理发店", "五金店", "烟酒商店", "日杂店", "蔬菜店", "大药房", "干洗店", "彩票站"])}`;
    case "enterprise":
      return rural
        ? `${area}${rng.pick(["榛子", "山野菜", "养殖", "食用菌", "中草药", "林蛙"])}专业合作社`
        : `本溪${stem}${rng.pick(["商贸", "物业管理", "建材", "家政服务", "餐饮管理", "汽车维修", "装饰工程"])}有限公司`;
    case "social_organization":
      return `${area}${rng.pick(["志愿者服务队", "老年协会", "秧歌队", "红白理事会", "调解委员会", "关心下一代工作委员会"])}`;
    case "clinic":
      return rural
        ? `${area}卫生室`
        : rng.chance(0.5)
          ? `${area}卫生服务站`
          : `${surname}氏${rng.pick(["中医诊所", "口腔诊所", "诊所"])}`;
    case "school":
      return rural
        ? `${stem}小学`
        : rng.chance(0.6)
          ? `${stem}${rng.pick(["幼儿园", "阳光幼儿园", "实验幼儿园"])}`
          : `${districtName}${rng.pick(["第一", "第二", "第三", "第五", "实验"])}${rng.pick(["小学", "中学"])}`;
    case "market":
      return `${stem}${rng.pick(["农贸市场", "早市", "便民市场"])}`;
    case "commercial_building":
      return `${stem}${rng.pick(["商厦", "大厦", "商务楼", "购物广场"])}`;
    default:
      return `${area}${rng.pick(["警务室", "党群服务中心", "退役军人服务站", "新时代文明实践站"])}`;
  }
}
