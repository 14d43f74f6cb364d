import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { Role } from "../../auth/roles";
import { reachOf } from "../grid/grid.policy";
import { idOf } from "../grid/grid.args";
import { Case } from "./case.entity";
import { CaseAction } from "./case.workflow";
import { type Command } from "./case.commands";
import { publishAfterCommit } from "./case.events";
import { callerDepartmentId } from "./case.policy";
import { actOnCase, type Caller } from "./case-action.service";
import { takeCaseIn } from "./intake.service";
import { INTAKE_ROLES } from "./intake.rules";
import {
  AssignCaseInput,
  CallbackInput,
  CaseNoteInput,
  CreateCaseInput,
  EngageUnitsInput,
  ExtensionRequestInput,
  ReportProgressInput,
  RulingInput,
  UnitResultInput,
} from "./case.inputs";
import { extend } from "../../common/objects";

/**
 * The case mutations: each translates the request (the caller from the verified token, global
 * ids, the input) for the services, runs them in the request's transaction and publishes their
 * events once it commits. No rule is decided here.
 */

async function callerOf(ctx: AuthedContext): Promise<Caller> {
  const p = ctx.principal;
  const districtId = writableDistrict(p);
  const reach = await reachOf(ctx);
  return {
    subject: p.subject,
    role: p.role,
    districtId,
    departmentId: await callerDepartmentId(ctx),
    gridIds: reach.gridIds,
    streetOfficeId: reach.streetOfficeId,
    communityId: reach.communityId,
  };
}

async function act(ctx: AuthedContext, i: CaseNoteInput, command: Command): Promise<Case> {
  const caller = await callerOf(ctx);
  const caseId = idOf(i.id, "Case", "id");
  const at = ctx.clock.now();
  const out = await ctx.db.run((m) =>
    actOnCase(m, { caller, caseId, expectedVersion: i.expectedVersion, command, at }),
  );
  publishAfterCommit(ctx.db, ctx.pubSub, out.events);
  return out.case;
}

async function createCase(ctx: AuthedContext, input: CreateCaseInput): Promise<Case> {
  const caller = await callerOf(ctx);
  // The token's district, resolved by the tenancy directory: its code numbers the case.
  const districtCode = ctx.principal.districtCode ?? "case";
  const intake = extend(input, {
    gridId: input.gridId ? idOf(input.gridId, "Grid", "gridId") : null,
    compoundId: input.compoundId ? idOf(input.compoundId, "Compound", "compoundId") : null,
    buildingId: input.buildingId ? idOf(input.buildingId, "Building", "buildingId") : null,
    unitId: input.unitId ? idOf(input.unitId, "BuildingUnit", "unitId") : null,
  });
  const at = ctx.clock.now();
  const out = await takeCaseIn(ctx.db, { caller, districtCode, intake, at });
  publishAfterCommit(ctx.db, ctx.pubSub, out.events);
  return out.case;
}

@Resolver(() => Case)
export class CaseMutationResolver {
  @Authorized(...(INTAKE_ROLES as Role[]))
  @Mutation(() => Case, {
    description:
      "Takes a case in: hotline (operator, command center), community_report (community worker: straight to the command center; street officer, grid staff), grid_patrol (grid staff: proactive), resident (residents).",
  })
  createCase(@Arg("input") input: CreateCaseInput, @Ctx() ctx: AuthedContext) {
    return createCase(ctx, input);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The provisional reply to the complainant (due within 2 hours).",
  })
  replyToCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.reply, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, { description: "网格领办: the case's grid takes the lead (grid staff)." })
  takeCaseLead(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.take_lead, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "To the street office (grid staff; operator or command center for a new case).",
  })
  referCaseToStreet(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.refer_to_street, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, { description: "To the command center (the case's street office)." })
  referCaseToCommandCenter(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.refer_to_command_center, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "指挥中心交办: one lead department and co-handlers, each with a due time (command center).",
  })
  assignCase(@Arg("input") i: AssignCaseInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, {
      action: CaseAction.assign,
      note: i.note,
      parts: i.assignments.map((a, n) => ({
        departmentId: idOf(a.departmentId, "Department", `assignments.${n}.departmentId`),
        code: "",
        role: a.role,
        dueAt: a.dueAt ?? null,
      })),
    });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "Progress from an assigned department; `final` ends a co-handler's part.",
  })
  reportCaseProgress(@Arg("input") i: ReportProgressInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.report_progress, note: i.note, final: i.final });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The resolution, by whoever handles the case now (note: what was done).",
  })
  resolveCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.resolve, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "退单: an assigned department asks to return the case (note: why).",
  })
  requestCaseReturn(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.request_return, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The command center grants (back to dispatch) or refuses a return.",
  })
  ruleOnCaseReturn(@Arg("input") i: RulingInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.rule_return, note: i.note, granted: i.granted });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "延期: an assigned department asks, before its due time, for a later one.",
  })
  requestCaseExtension(@Arg("input") i: ExtensionRequestInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, {
      action: CaseAction.request_extension,
      note: i.note,
      requestedDueAt: i.requestedDueAt,
    });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The command center grants (the due time moves) or refuses an extension.",
  })
  ruleOnCaseExtension(@Arg("input") i: RulingInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.rule_extension, note: i.note, granted: i.granted });
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "回访: the callback's result (operator or command center); closes or sends back to be redone.",
  })
  recordCallback(@Arg("input") i: CallbackInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, {
      action: CaseAction.callback,
      note: i.note,
      reached: i.reached,
      satisfaction: i.satisfaction ?? null,
      handlerAtFault: i.handlerAtFault ?? null,
    });
  }

  @Authorized()
  @Mutation(() => Case, { description: "Escalates to the city's departments (command center)." })
  escalateCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.escalate, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "纪检监察督办: opens a supervision (inspector, supervision office 督查室; note: the reason).",
  })
  superviseCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.supervise, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "Concludes the open supervision with findings (inspector, supervision office).",
  })
  concludeSupervision(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, { action: CaseAction.conclude_supervision, note: i.note });
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "大工委: the street office handling the case pulls in units of its joint committee (note: what it asks of them).",
  })
  engageJointUnits(@Arg("input") i: EngageUnitsInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, {
      action: CaseAction.engage_units,
      note: i.note,
      units: i.unitIds.map((id, n) => ({
        unitId: idOf(id, "JointCommitteeUnit", `unitIds.${n}`),
        name: "",
        ofCaseStreet: false,
        active: false,
      })),
    });
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "What a joint committee unit did on the case (the street office; note: the result).",
  })
  recordJointUnitResult(@Arg("input") i: UnitResultInput, @Ctx() ctx: AuthedContext) {
    return act(ctx, i, {
      action: CaseAction.record_unit_result,
      note: i.note,
      engagementId: idOf(i.engagementId, "CaseUnitEngagement", "engagementId"),
    });
  }
}
