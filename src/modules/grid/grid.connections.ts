import { ConnectionType } from "../../common/connection";
import { Community, Compound, Grid, Household, StreetOffice } from "./tree.entity";
import { OwnerCommittee, Organization, Person } from "./people.entity";
import { ToiletSurvey, Village } from "./village.entity";
import { Consultation, ConsultationComment, RenovationProject } from "./renovation.entity";

export const StreetOfficeConnection = ConnectionType("StreetOffice", StreetOffice);
export const CommunityConnection = ConnectionType("Community", Community);
export const GridConnection = ConnectionType("Grid", Grid);
export const CompoundConnection = ConnectionType("Compound", Compound);
export const HouseholdConnection = ConnectionType("Household", Household);
export const PersonConnection = ConnectionType("Person", Person);
export const OrganizationConnection = ConnectionType("Organization", Organization);
export const OwnerCommitteeConnection = ConnectionType("OwnerCommittee", OwnerCommittee);
export const VillageConnection = ConnectionType("Village", Village);
export const ToiletSurveyConnection = ConnectionType("ToiletSurvey", ToiletSurvey);
export const RenovationProjectConnection = ConnectionType("RenovationProject", RenovationProject);
export const ConsultationConnection = ConnectionType("Consultation", Consultation);
export const ConsultationCommentConnection = ConnectionType(
  "ConsultationComment",
  ConsultationComment,
);
