/**
 * What kind of figure it is (a level, a count, a growth, a share, a rank) and whether it is a result, a
 * target or plan (力争, 计划, 目标) or a forecast (预计).
 */
import { ENGLISH_CHANGE_WORDS, FORECAST_WORDS, TARGET_LEADS } from "../../lexicon/extraction.js";
import { TARGET_WORDS } from "../../lexicon/frame.js";
import { alt, anyWordLatinWhole } from "../../lexicon/match.js";
import type { FactKind } from "../../model/knowledge.js";
import type { Figure } from "../read/figures.js";
import type { Status } from "./period.js";

const FORECAST = anyWordLatinWhole(FORECAST_WORDS, "i");
const TARGET = anyWordLatinWhole(
  TARGET_WORDS.filter((w) => !FORECAST_WORDS.includes(w)),
  "i",
);
const TARGET_LEAD = anyWordLatinWhole(TARGET_LEADS, "i");
/** A change verb just before the figure, with at most a few words between (增长了, 增加约). */
const CHANGE_BEFORE =
  /(?:增长|增加|下降|减少|提高|降低|上升|回落|上涨|高于|低于|快于|慢于|增速|增幅|增|降|减|多|少)[了约近达为是]{0,2}$/;
/** The base a change is written against (高于去年同期3.5个百分点), between the verb and the figure. */
const COMPARED_WITH = /(?:去年|上年|前年|\d{4}年)?(?:同期|全年)?(?:平均水平)?$/;
const ENGLISH_CHANGE_AFTER = new RegExp(`^\\s*(?:[a-z-]+\\s+){0,1}${alt(ENGLISH_CHANGE_WORDS)}\\b`, "i");
const ENGLISH_CHANGE_BEFORE = /\b(?:up|down|increase of|increased by|rose by|rose|grew by|grew|growth of|up by)\s*$/i;

/** A figure's kind from its unit and the words just around it. */
export function kindOf(figure: Figure, before: string, after: string): FactKind {
  const base = figure.kind === "time" ? "amount" : figure.kind;
  if (base === "rank" || base === "fraction" || base === "duration") return base;
  const near = before.replace(COMPARED_WITH, "");
  if (CHANGE_BEFORE.test(near) || ENGLISH_CHANGE_BEFORE.test(before) || ENGLISH_CHANGE_AFTER.test(after)) {
    return "growth";
  }
  // A percentage that is not a change is a part of a whole (占全国市场份额的30%, an Engel coefficient of 27.6%).
  if (base === "growth" && /[%％]|百分/.test(figure.unit + figure.text) && !/倍/.test(figure.unit)) return "share";
  return base;
}

/**
 * A figure's status from its own clause group, then the clauses of its sentence before it that hold no figure
 * of their own (力争到2025年，…), then its sentence's lead and its heading (主要预期目标是：…).
 */
export function statusOf(ownText: string, leadText: string, heading: string): Status {
  // 主要预期目标 is a target: the words of a goal, not of a forecast.
  const own = ownText.replace(/预期目标/g, "目标");
  const leads = leadText.replace(/预期目标/g, "目标");
  if (FORECAST.test(own)) return "forecast";
  if (TARGET.test(own)) return FORECAST.test(leads) ? "forecast" : "target";
  if (FORECAST.test(leads)) return "forecast";
  if (TARGET.test(leads) || TARGET_LEAD.test(heading)) return "target";
  return "result";
}
