/**
 * A criteria set: versioned per year and unit type, a tree area → criterion → sub-criterion. Inner nodes'
 * maxima are the sums of their children's; leaves carry the scoring rule and whether evidence is required.
 * The survey share is part of the set (e.g. 80 + 20 for departments, 70 + 30 for communes).
 */
import { checkRule, round2, type ScoringRule } from './scoring.js';

export interface CriteriaNode {
  /** "1", "1.2", "1.2.3" */
  code: string;
  name: string;
  max: number;
  guidance?: string;
  evidenceRequired?: boolean;
  rule?: ScoringRule;
  children?: CriteriaNode[];
}

export interface CriteriaSet {
  year: number;
  unitType: string;
  name: string;
  surveyShare: number;
  areas: CriteriaNode[];
}

export interface SetProblem {
  code: string;
  problem: string;
  message: string;
}

/** Every problem of a set, with the item's code; an empty list means the set can be used. */
export function validateSet(set: CriteriaSet): SetProblem[] {
  const problems: SetProblem[] = [];
  const seen = new Set<string>();
  const walk = (n: CriteriaNode, parent: string | null) => {
    const p = (problem: string, message: string) => problems.push({ code: n.code, problem, message });
    if (seen.has(n.code)) p('DUPLICATE_CODE', `Mã ${n.code} bị trùng.`);
    seen.add(n.code);
    if (parent !== null && !n.code.startsWith(`${parent}.`)) p('CODE_NOT_UNDER_PARENT', `Mã ${n.code} phải bắt đầu bằng ${parent}.`);
    if (!n.name.trim()) p('NO_NAME', `Tiêu chí ${n.code} chưa có tên.`);
    if (!(n.max >= 0)) p('INVALID_MAX', `Điểm tối đa của ${n.code} không hợp lệ.`);
    if (n.children?.length) {
      const sum = round2(n.children.reduce((a, c) => a + c.max, 0));
      if (sum !== round2(n.max)) p('CHILDREN_SUM', `Tổng điểm các tiêu chí con của ${n.code} là ${sum}, khác điểm tối đa ${n.max}.`);
      if (n.rule) p('RULE_ON_GROUP', `${n.code} có tiêu chí con: cách chấm đặt ở tiêu chí con.`);
      for (const c of n.children) walk(c, n.code);
    } else if (!n.rule) p('NO_RULE', `Tiêu chí ${n.code} chưa có cách chấm điểm.`);
    else {
      try {
        checkRule(n.rule, n.max);
      } catch (e) {
        p('INVALID_RULE', `Cách chấm điểm của ${n.code} không hợp lệ: ${(e as Error).message}.`);
      }
    }
  };
  for (const a of set.areas) walk(a, null);
  if (!(set.surveyShare >= 0)) problems.push({ code: '', problem: 'INVALID_SURVEY_SHARE', message: 'Điểm điều tra xã hội học không hợp lệ.' });
  return problems;
}

/** The set's maximum: its areas plus the survey share. */
export function setMaximum(set: CriteriaSet): number {
  return round2(set.areas.reduce((a, n) => a + n.max, 0) + set.surveyShare);
}

/** The leaves of the tree, in order, with the codes of the area they belong to. */
export function leaves(set: Pick<CriteriaSet, 'areas'>): (CriteriaNode & { area: string })[] {
  const out: (CriteriaNode & { area: string })[] = [];
  const walk = (n: CriteriaNode, area: string) => (n.children?.length ? n.children.forEach((c) => walk(c, area)) : out.push({ ...n, area }));
  for (const a of set.areas) walk(a, a.code);
  return out;
}

/** The tree in its one stored form: no empty guidance, no `evidenceRequired: false`, no empty children. */
export function normaliseTree(nodes: CriteriaNode[]): CriteriaNode[] {
  return nodes.map((n) => {
    const out: CriteriaNode = { code: n.code, name: n.name.trim(), max: n.max };
    if (n.guidance?.trim()) out.guidance = n.guidance.trim();
    if (n.evidenceRequired) out.evidenceRequired = true;
    if (n.rule) out.rule = n.rule;
    if (n.children?.length) out.children = normaliseTree(n.children);
    return out;
  });
}
