import { type DataSource } from "typeorm";
import { City } from "./city.entity";
import { District } from "./district.entity";

/**
 * The reference tables in memory: a handful of rows that every request needs to turn a token's
 * codes into tenant ids. Reloaded when a code is unknown (a district added since start), at most
 * once every few seconds so that a stream of bad tokens cannot hammer the database.
 */
export class TenancyDirectory {
  private cities = new Map<string, City>();
  private districts = new Map<string, District>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(
    private readonly ds: DataSource,
    private readonly minReloadMs = 5000,
  ) {}

  async load(): Promise<void> {
    const [cities, districts] = await Promise.all([
      this.ds.getRepository(City).find(),
      this.ds.getRepository(District).find({ order: { code: "ASC" } }),
    ]);
    this.cities = new Map(cities.map((c) => [c.code, c]));
    this.districts = new Map(districts.map((d) => [d.code, d]));
    this.loadedAt = Date.now();
  }

  private async refresh(): Promise<void> {
    if (Date.now() - this.loadedAt < this.minReloadMs) return;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    await this.loading;
  }

  async cityByCode(code: string): Promise<City | undefined> {
    if (!this.cities.has(code)) await this.refresh();
    return this.cities.get(code);
  }

  async districtByCode(code: string): Promise<District | undefined> {
    if (!this.districts.has(code)) await this.refresh();
    return this.districts.get(code);
  }

  cityById(id: string): City | undefined {
    for (const c of this.cities.values()) if (c.id === id) return c;
    return undefined;
  }

  districtsOfCity(cityId: string): District[] {
    return [...this.districts.values()].filter((d) => d.cityId === cityId);
  }
}
