import { Arg, Field, ObjectType, Query, Resolver } from "type-graphql";
import { badInput } from "../../common/errors";
import { isLabelKind, labelList } from "./labels";

@ObjectType({ description: "The Chinese label of a value the API exposes." })
export class Label {
  @Field({
    description:
      "What the value is: an enum's name in the schema (`CaseStatus`, `CaseChannel`, `MeasureName`, `Role`, …), `Measure` (the fields of UnitMeasures), `CaseColumn` (the cases export's columns) or `Boolean`.",
  })
  kind: string;

  @Field({ description: "The value as the API writes it (`grid_handling`, `satisfactionRate`)." })
  value: string;

  @Field({ description: "Its Chinese label (`网格领办`, `满意率`)." })
  label: string;
}

@Resolver()
export class LabelsResolver {
  @Query(() => [Label], {
    description:
      "The Chinese labels of enum values, measures and export columns, in one list (every kind when `kinds` is empty). Categories' names are in `Case.categoryName`. Needs no token.",
  })
  labels(
    @Arg("kinds", () => [String], { nullable: true })
    kinds: string[] | null,
  ): Label[] {
    if (kinds && kinds.length > 100) throw badInput("kinds", "at most 100 kinds");
    const unknown = (kinds ?? []).find((k) => !isLabelKind(k));
    if (unknown !== undefined)
      throw badInput("kinds", `no labels of kind ${JSON.stringify(unknown.slice(0, 60))}`);
    return labelList((kinds ?? []).filter(isLabelKind));
  }
}
