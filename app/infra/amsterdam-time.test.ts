import { describe, expect, it } from "vitest";
import { amsterdamToUtc, utcToAmsterdam } from "./amsterdam-time.ts";

describe("Amsterdam time and UTC", () => {
  it("converts winter and summer times with their own offset", () => {
    expect(amsterdamToUtc({ date: "2027-01-15", time: "09:00" }).toISOString()).toBe(
      "2027-01-15T08:00:00.000Z",
    );
    expect(amsterdamToUtc({ date: "2027-07-15", time: "09:00" }).toISOString()).toBe(
      "2027-07-15T07:00:00.000Z",
    );
  });

  it("handles the spring-forward day of 28 March 2027 around the gap", () => {
    expect(amsterdamToUtc({ date: "2027-03-28", time: "01:59" }).toISOString()).toBe(
      "2027-03-28T00:59:00.000Z",
    );
    expect(amsterdamToUtc({ date: "2027-03-28", time: "03:00" }).toISOString()).toBe(
      "2027-03-28T01:00:00.000Z",
    );
    expect(() => amsterdamToUtc({ date: "2027-03-28", time: "02:00" })).toThrow(/does not exist/);
    expect(() => amsterdamToUtc({ date: "2027-03-28", time: "02:59" })).toThrow(/does not exist/);
  });

  it("takes the first, summer-time, occurrence of an hour that happens twice on 31 October 2027", () => {
    expect(amsterdamToUtc({ date: "2027-10-31", time: "01:59" }).toISOString()).toBe(
      "2027-10-30T23:59:00.000Z",
    );
    expect(amsterdamToUtc({ date: "2027-10-31", time: "02:00" }).toISOString()).toBe(
      "2027-10-31T00:00:00.000Z",
    );
    expect(amsterdamToUtc({ date: "2027-10-31", time: "02:30" }).toISOString()).toBe(
      "2027-10-31T00:30:00.000Z",
    );
    expect(amsterdamToUtc({ date: "2027-10-31", time: "03:00" }).toISOString()).toBe(
      "2027-10-31T02:00:00.000Z",
    );
  });

  it("reads both occurrences of the repeated hour back as the same wall-clock time", () => {
    expect(utcToAmsterdam(new Date("2027-10-31T00:30:00Z"))).toEqual({ date: "2027-10-31", time: "02:30" });
    expect(utcToAmsterdam(new Date("2027-10-31T01:30:00Z"))).toEqual({ date: "2027-10-31", time: "02:30" });
    expect(utcToAmsterdam(new Date("2027-10-31T02:00:00Z"))).toEqual({ date: "2027-10-31", time: "03:00" });
  });

  it("reads the instants around the spring change back", () => {
    expect(utcToAmsterdam(new Date("2027-03-28T00:59:00Z"))).toEqual({ date: "2027-03-28", time: "01:59" });
    expect(utcToAmsterdam(new Date("2027-03-28T01:00:00Z"))).toEqual({ date: "2027-03-28", time: "03:00" });
  });

  it("crosses midnight and the year end", () => {
    expect(utcToAmsterdam(new Date("2027-12-31T23:30:00Z"))).toEqual({ date: "2028-01-01", time: "00:30" });
    expect(amsterdamToUtc({ date: "2028-01-01", time: "00:30" }).toISOString()).toBe(
      "2027-12-31T23:30:00.000Z",
    );
  });

  it("drops seconds when reading an instant back", () => {
    expect(utcToAmsterdam(new Date("2027-06-01T10:15:59.999Z"))).toEqual({
      date: "2027-06-01",
      time: "12:15",
    });
  });

  it("round-trips every quarter hour of both change days", () => {
    for (const date of ["2027-03-28", "2027-10-31", "2028-03-26", "2028-10-29"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        if (date.endsWith("-03-28") || date.endsWith("-03-26")) {
          if (time.startsWith("02:")) continue;
        }
        expect(utcToAmsterdam(amsterdamToUtc({ date, time }))).toEqual({ date, time });
      }
    }
  });

  it("agrees with the offsets the VTIMEZONE rules give, over many years", () => {
    // Independent of Intl: the last Sunday of March and October from the calendar alone.
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month, 0));
      return last.getUTCDate() - last.getUTCDay();
    };
    for (let year = 2025; year <= 2045; year++) {
      const march = lastSunday(year, 3);
      const october = lastSunday(year, 10);
      const mm = (day: number) => String(day).padStart(2, "0");
      expect(amsterdamToUtc({ date: `${year}-03-${mm(march)}`, time: "03:00" }).getUTCHours()).toBe(1);
      expect(() => amsterdamToUtc({ date: `${year}-03-${mm(march)}`, time: "02:00" })).toThrow();
      expect(amsterdamToUtc({ date: `${year}-10-${mm(october)}`, time: "03:00" }).getUTCHours()).toBe(2);
      expect(amsterdamToUtc({ date: `${year}-10-${mm(october)}`, time: "01:00" }).getUTCHours()).toBe(23);
    }
  });

  it("refuses an invalid instant", () => {
    expect(() => utcToAmsterdam(new Date(Number.NaN))).toThrow(/not a valid date/);
  });
});
