/** A follow-up in a conversation becomes the whole question it asks, or is left a question of its own. */
import { describe, expect, it } from "vitest";
import { completeFollowUp, previousOf, understoodText } from "../../src/engine/understand/followup.js";

const following = (previous: string, message: string) => completeFollowUp(previousOf(previous), message);
const GDP = "忻州2023年地区生产总值是多少？";

describe("follow-ups", () => {
  it("replaces the year, the place or the kind the follow-up names, and keeps the rest", () => {
    expect(following(GDP, "那2022年呢？")).toBe("忻州2022年地区生产总值是多少？");
    expect(following(GDP, "2022年的呢")).toBe("忻州2022年地区生产总值是多少？");
    expect(following(GDP, "去年呢？")).toBe("忻州去年地区生产总值是多少？");
    expect(following(GDP, "那太原呢？")).toBe("太原2023年地区生产总值是多少？");
    expect(following(GDP, "五台县的呢")).toBe("五台县2023年地区生产总值是多少？");
    expect(following(GDP, "增长了多少？")).toBe("忻州2023年地区生产总值增长了多少？");
    expect(following(GDP, "人均呢")).toBe("忻州2023年人均地区生产总值是多少？");
    expect(following("2023年忻州净增省级产业链链上企业多少家？", "排名呢")).toBe(
      "2023年忻州净增省级产业链链上企业排名第几？",
    );
  });

  it("puts a year where the previous question named none", () => {
    expect(following("忻州地区生产总值是多少？", "2022年呢")).toBe("忻州2022年地区生产总值是多少？");
    expect(following("What was Xinzhou's GDP?", "and in 2022?")).toBe("What was Xinzhou's GDP in 2022?");
  });

  it("reads English follow-ups, and an English place in a Chinese conversation", () => {
    expect(following("What was Xinzhou's GDP in 2023?", "and in 2022?")).toBe("What was Xinzhou's GDP in 2022?");
    expect(following("What was Xinzhou's GDP in 2023?", "what about Wutai?")).toBe("What was Wutai's GDP in 2023?");
    expect(following(GDP, "what about Wutai?")).toBe("五台2023年地区生产总值是多少？");
  });

  it("replaces the place asked about, not the province it is compared with", () => {
    expect(following("What share of Shanxi's new energy capacity does Xinzhou have?", "what about Datong?")).toBe(
      "What share of Shanxi's new energy capacity does Datong have?",
    );
  });

  it("leaves a question of its own alone: a new measure, a whole question, a mountain that is not a county", () => {
    expect(following(GDP, "那太原的工业增加值呢？")).toBeUndefined();
    expect(following(GDP, "大同市2023年GDP是多少？")).toBeUndefined();
    expect(following(GDP, "五台山的呢")).toBeUndefined();
    expect(following(GDP, "你好")).toBeUndefined();
  });

  it("says what it understood without the closing question words", () => {
    expect(understoodText("忻州2022年地区生产总值是多少？")).toBe("忻州2022年地区生产总值");
    expect(understoodText("忻州2023年地区生产总值增长了多少？")).toBe("忻州2023年地区生产总值增长了多少");
    expect(understoodText("What was Xinzhou's GDP in 2022?")).toBe("What was Xinzhou's GDP in 2022");
  });
});
