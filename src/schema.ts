import "reflect-metadata";
import { buildSchema } from "type-graphql";
import { type PlannedRelations } from "./planner/relations";
import { GRID_PLANS } from "./modules/grid/grid.plans";
import { CASE_PLANS } from "./modules/cases/case.plans";
import { SCORE_PLANS } from "./modules/scores/score.plans";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { authChecker } from "./context/auth-checker";
import {
  CityResolver,
  DistrictResolver,
  PrincipalResolver,
} from "./modules/tenancy/tenancy.resolver";
import { DepartmentResolver, StaffAccountResolver } from "./modules/org/department.resolver";
import { DistrictOrgResolver, PrincipalOrgResolver } from "./modules/org/district-org.resolver";
import { NodeResolver } from "./modules/node/node.resolver";
import { DistrictTreeResolver } from "./modules/grid/district-tree.resolver";
import {
  CommunityResolver,
  GridResolver,
  StreetOfficeResolver,
} from "./modules/grid/tree.resolver";
import {
  BuildingResolver,
  BuildingUnitResolver,
  CompoundResolver,
  HouseholdResolver,
} from "./modules/grid/compound.resolver";
import {
  CommitteeMemberResolver,
  DistrictCommitteeResolver,
  OrganizationResolver,
  OwnerCommitteeResolver,
  PersonResolver,
  PrincipalPersonResolver,
  StaffAssignmentResolver,
} from "./modules/grid/people.resolver";
import {
  DistrictVillageResolver,
  ToiletSurveyResolver,
  VillageProjectResolver,
  VillageResolver,
} from "./modules/grid/village.resolver";
import {
  BidSectionResolver,
  ConsultationCommentResolver,
  ConsultationResolver,
  DistrictRenovationResolver,
  ProposalResolver,
  RenovationProjectResolver,
} from "./modules/grid/renovation.resolver";
import { GridMutationResolver } from "./modules/grid/grid-mutation.resolver";
import { JointCommitteeResolver, JointUnitResolver } from "./modules/grid/joint-committee.resolver";
import {
  CaseAssignmentResolver,
  CaseEventResolver,
  CaseResolver,
  CaseUnitEngagementResolver,
} from "./modules/cases/case.resolver";
import { CaseSettingsResolver } from "./modules/cases/case-settings.resolver";
import { CaseSubscriptionResolver } from "./modules/cases/case-subscription.resolver";
import { CaseMutationResolver } from "./modules/cases/case-mutation.resolver";
import { DispatchResolver } from "./modules/cases/dispatch.resolver";
import { MeasuresResolver } from "./modules/scores/measures.resolver";
import { ScoreboardResolver, ScoreRowResolver } from "./modules/scores/scoreboard.resolver";
import { CityScoresResolver } from "./modules/scores/city-scores.resolver";
import { PersonalDataReadResolver } from "./modules/audit/read.resolver";
import {
  AccountabilityResolver,
  CaseAccountabilityResolver,
} from "./modules/accountability/accountability.resolver";
import { PatrolResolver } from "./modules/patrols/patrol.resolver";
import { RewardPenaltyResolver } from "./modules/patrols/reward.resolver";
import { PatrolCoverageResolver } from "./modules/scores/patrol-coverage.resolver";
import {
  DistrictTargetResolver,
  TargetMutationResolver,
  TargetProgressResolver,
  TargetResolver,
} from "./modules/targets/target.resolver";
import { LabelsResolver } from "./modules/labels/labels.resolver";
import { ClockResolver } from "./modules/tenancy/clock.resolver";

export const RESOLVERS = [
  PrincipalResolver,
  DistrictResolver,
  CityResolver,
  DepartmentResolver,
  StaffAccountResolver,
  DistrictOrgResolver,
  PrincipalOrgResolver,
  NodeResolver,
  DistrictTreeResolver,
  StreetOfficeResolver,
  CommunityResolver,
  GridResolver,
  CompoundResolver,
  BuildingResolver,
  BuildingUnitResolver,
  HouseholdResolver,
  PersonResolver,
  PrincipalPersonResolver,
  OrganizationResolver,
  StaffAssignmentResolver,
  OwnerCommitteeResolver,
  CommitteeMemberResolver,
  DistrictCommitteeResolver,
  VillageResolver,
  VillageProjectResolver,
  ToiletSurveyResolver,
  DistrictVillageResolver,
  RenovationProjectResolver,
  BidSectionResolver,
  ConsultationResolver,
  ProposalResolver,
  ConsultationCommentResolver,
  DistrictRenovationResolver,
  GridMutationResolver,
  CaseMutationResolver,
  CaseSubscriptionResolver,
  DispatchResolver,
  CaseResolver,
  CaseAssignmentResolver,
  CaseUnitEngagementResolver,
  JointCommitteeResolver,
  JointUnitResolver,
  CaseEventResolver,
  CaseSettingsResolver,
  MeasuresResolver,
  ScoreboardResolver,
  ScoreRowResolver,
  CityScoresResolver,
  TargetResolver,
  TargetProgressResolver,
  DistrictTargetResolver,
  TargetMutationResolver,
  PersonalDataReadResolver,
  AccountabilityResolver,
  CaseAccountabilityResolver,
  PatrolResolver,
  RewardPenaltyResolver,
  PatrolCoverageResolver,
  LabelsResolver,
  ClockResolver,
] as const;

/** The relations the planned read path may follow (planner/), from the modules that own them. */
export const PLANNED_RELATIONS: PlannedRelations = {
  ...GRID_PLANS,
  ...CASE_PLANS,
  ...SCORE_PLANS,
};

/** The executable schema. Inputs are validated with class-validator before any resolver runs. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // Every subscription brings its own stream (`subscribe:`, from the shared feeds in
    // realtime/): none uses type-graphql's topics, so its pub/sub must never be reached.
    pubSub: {
      publish: () => {
        throw new Error("publish through the platform's pub/sub (realtime/pubsub.ts)");
      },
      subscribe: () => {
        throw new Error("subscriptions read the shared feeds (realtime/), not topics");
      },
    },
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema.graphql: sorted, so that it changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
