import { JointCommitteeUnit } from "./joint-committee.entity";
import {
  Building,
  BuildingUnit,
  Community,
  Compound,
  Grid,
  Household,
  StreetOffice,
} from "./tree.entity";
import {
  CommitteeMember,
  Organization,
  OwnerCommittee,
  Person,
  StaffAssignment,
} from "./people.entity";
import { ToiletSurvey, Village, VillageProject } from "./village.entity";
import {
  BidSection,
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProgress,
  RenovationProject,
  RenovationProjectCompound,
  Vote,
} from "./renovation.entity";

export const GRID_ENTITIES = [
  StreetOffice,
  Community,
  Grid,
  Compound,
  Building,
  BuildingUnit,
  Household,
  Person,
  Organization,
  StaffAssignment,
  OwnerCommittee,
  CommitteeMember,
  Village,
  VillageProject,
  ToiletSurvey,
  RenovationProject,
  RenovationProjectCompound,
  BidSection,
  RenovationProgress,
  Consultation,
  Proposal,
  Vote,
  ConsultationComment,
  JointCommitteeUnit,
];

/** The entities `node(id)` can refetch, by GraphQL type name (= class name). */
export const NODE_ENTITIES = Object.fromEntries(
  GRID_ENTITIES.filter((e) => e !== RenovationProjectCompound && e !== Vote).map((e) => [
    e.name,
    e,
  ]),
) as Record<string, new () => { id: string; districtId: string }>;
