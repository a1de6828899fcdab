import { describe, expect, it } from "vitest";
import { facilityQuery, toFacilityFilter } from "./follow-up-params";

describe("the facility list's query", () => {
  it("carries closed=include, the status, the date and a figure's filter through to the query layer", () => {
    const query = facilityQuery.parse({
      prefecture: "13",
      status: "closed",
      closed: "include",
      asOf: "2025-03-31",
      contractor: "㈱ メディ サポート",
    });
    expect(toFacilityFilter(query)).toMatchObject({
      prefecture: "13",
      status: "closed",
      closed: "include",
      asOf: "2025-03-31",
      figure: { contractor: "メディサポート" },
    });
  });

  it("leaves closed facilities out when not asked (no closed key)", () => {
    expect(toFacilityFilter(facilityQuery.parse({ prefecture: "13" }))).not.toHaveProperty("closed");
  });
});
