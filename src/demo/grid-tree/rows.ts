/**
 * The rows of the demo grid tree (see generate.ts): one interface per table, with the table's
 * column names (district_id is added on insert), and the order the tables are filled in.
 */

/** The year the data describes: ages, tags and dates are as of 2022. */
export const REFERENCE_YEAR = 2022;

export interface DistrictInfo {
  code: string;
  name: string;
  kind: "district" | "county";
}

export const LINES_OF_WORK = [
  "party_building",
  "comprehensive_governance",
  "epidemic_control",
  "rule_of_law",
  "fire_safety",
  "emergency_management",
] as const;

export interface GeoJsonPolygon {
  type: "Polygon";
  coordinates: number[][][];
}
export interface StreetOfficeRow {
  id: string;
  code: string;
  name: string;
}
export interface CommunityRow {
  id: string;
  street_office_id: string;
  code: string;
  name: string;
  kind: "community" | "village";
}
export interface GridRow {
  id: string;
  community_id: string;
  street_office_id: string;
  code: string;
  name: string;
  kind: "urban" | "rural";
  latitude: number;
  longitude: number;
  boundary: GeoJsonPolygon | null;
  lines_of_work: string[];
}
export interface CompoundRow {
  id: string;
  grid_id: string;
  code: string;
  name: string;
  address: string;
  year_built: number;
  building_count: number;
  household_count: number;
  is_old: boolean;
  self_managed: boolean;
}
export interface BuildingRow {
  id: string;
  compound_id: string;
  number: string;
  floors: number;
}
export interface BuildingUnitRow {
  id: string;
  building_id: string;
  number: string;
}
export interface HouseholdRow {
  id: string;
  grid_id: string;
  compound_id: string | null;
  unit_id: string | null;
  villager_group: string | null;
  address: string;
}
export interface PersonRow {
  id: string;
  grid_id: string;
  household_id: string;
  name: string;
  gender: "female" | "male";
  birth_year: number;
  phone: string;
  id_number: string;
  tags: string[];
  subject: string | null;
}
export interface OrganizationRow {
  id: string;
  grid_id: string;
  kind: string;
  name: string;
  address: string | null;
}
export type StaffRole =
  | "grid_chief"
  | "grid_worker"
  | "building_head"
  | "unit_head"
  | "villager_group_leader"
  | "villager_representative";
export interface StaffAssignmentRow {
  id: string;
  person_id: string;
  grid_id: string;
  building_id: string | null;
  unit_id: string | null;
  role: StaffRole;
  starts_on: string;
  ends_on: string | null;
}
export interface OwnerCommitteeRow {
  id: string;
  compound_id: string;
  name: string;
  status: "preparing" | "active" | "expired";
  election_date: string | null;
  term_start: string | null;
  term_end: string | null;
}
export interface CommitteeMemberRow {
  id: string;
  committee_id: string;
  person_id: string;
  role: "chair" | "vice_chair" | "member";
}
export interface VillageDesignationRow {
  id: string;
  community_id: string;
  kind: "demonstration" | "livable";
  theme: string | null;
  featured_industry: string | null;
  designated_year: number;
}
export interface VillageProjectRow {
  id: string;
  village_id: string;
  name: string;
  measure: string;
  unit: string;
  target: number;
  achieved: number;
  note: string | null;
}
export interface ToiletSurveyRow {
  id: string;
  household_id: string;
  surveyed_on: string;
  toilets: number;
  state: "usable" | "unusable" | "hard_to_use";
  cause: string | null;
  remedy: "repaired" | "restored" | null;
}
export interface RenovationProjectRow {
  id: string;
  code: string;
  name: string;
  kind: "building_body" | "infrastructure" | "gas_pipeline";
  year: number;
  investment: number;
  progress_percent: number;
  planned_completion: string;
  /** Filled in by the loader: the district's housing department (住房和城乡建设局). */
  department_id: string | null;
}
export interface RenovationProjectCompoundRow {
  id: string;
  project_id: string;
  compound_id: string;
}
export interface BidSectionRow {
  id: string;
  project_id: string;
  code: string;
  name: string;
  contractor: string;
  winning_amount: number;
  awarded_on: string;
}
export interface RenovationProgressRow {
  id: string;
  project_id: string;
  percent: number;
  note: string;
  recorded_by: string;
  recorded_at: string;
}
export interface ConsultationRow {
  id: string;
  compound_id: string;
  project_id: string | null;
  title: string;
  status: "open" | "closed";
  opened_at: string;
  closes_at: string;
  opened_by: string;
}
export interface ProposalRow {
  id: string;
  consultation_id: string;
  question: "whether" | "what" | "how";
  position: number;
  title: string;
  description: string;
}
export interface VoteRow {
  id: string;
  proposal_id: string;
  household_id: string;
  person_id: string;
  choice: "for" | "against" | "abstain";
  cast_at: string;
}
export interface ConsultationCommentRow {
  id: string;
  consultation_id: string;
  proposal_id: string | null;
  person_id: string;
  body: string;
  created_at: string;
}

/** The generated rows, by table, in an order that satisfies every foreign key when inserted. */
export interface GridTree {
  street_office: StreetOfficeRow[];
  community: CommunityRow[];
  grid: GridRow[];
  compound: CompoundRow[];
  building: BuildingRow[];
  building_unit: BuildingUnitRow[];
  household: HouseholdRow[];
  person: PersonRow[];
  organization: OrganizationRow[];
  staff_assignment: StaffAssignmentRow[];
  owner_committee: OwnerCommitteeRow[];
  committee_member: CommitteeMemberRow[];
  village_designation: VillageDesignationRow[];
  village_project: VillageProjectRow[];
  toilet_survey: ToiletSurveyRow[];
  renovation_project: RenovationProjectRow[];
  renovation_project_compound: RenovationProjectCompoundRow[];
  bid_section: BidSectionRow[];
  renovation_progress: RenovationProgressRow[];
  consultation: ConsultationRow[];
  proposal: ProposalRow[];
  vote: VoteRow[];
  consultation_comment: ConsultationCommentRow[];
}

export const GRID_TREE_TABLES: ReadonlyArray<keyof GridTree> = [
  "street_office",
  "community",
  "grid",
  "compound",
  "building",
  "building_unit",
  "household",
  "person",
  "organization",
  "staff_assignment",
  "owner_committee",
  "committee_member",
  "village_designation",
  "village_project",
  "toilet_survey",
  "renovation_project",
  "renovation_project_compound",
  "bid_section",
  "renovation_progress",
  "consultation",
  "proposal",
  "vote",
  "consultation_comment",
];
