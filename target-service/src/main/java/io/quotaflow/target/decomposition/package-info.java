/**
 * Target decomposition: cuts a month's company target into product lines, and into regions, teams
 * and reps, and each of those into ISO weeks and working days, with base and challenge levels, all
 * adding up exactly, to the last unit, at every level. Pure functions over immutable records, no I/O
 * and no clock.
 *
 * <p>Entry points: {@link io.quotaflow.target.decomposition.Decomposer#decompose Decomposer.decompose},
 * {@link io.quotaflow.target.decomposition.Replanner Replanner.replan} for changes in the middle of a
 * month, and the primitive under both, {@link io.quotaflow.target.decomposition.Apportionment#split
 * Apportionment.split}. Bad input is rejected with a
 * {@link io.quotaflow.target.decomposition.DecompositionException} naming the field at fault.
 *
 * <p>Rules worth knowing:
 * <ul>
 *   <li>Amounts are {@code BigDecimal}s at the request's scale: 2 for money in cents, 0 for counts.
 *       Every split is a largest-remainder apportionment, so parts add up exactly; odd units go to the
 *       largest remainders, ties to the child first by id, or to the earliest day.</li>
 *   <li>The company's base and challenge are its target times the levels, rounded half-even. Every other
 *       node's are its share of its parent's base and challenge, by the same weights as its monthly
 *       target, so they add up exactly too; a node's base is therefore close to, not always exactly,
 *       its target times the base level.</li>
 *   <li>{@link io.quotaflow.target.decomposition.TargetNode#weight() TargetNode.weight} is the raw weight
 *       a node's share was worked out from, not a normalised share: gross margin × priority, grown prior
 *       actual, effective capacity, prior actual, or 1 when split evenly (and 1 for the company). A
 *       node's share is its weight over the sum of its siblings' weights. Replanning keeps it.</li>
 *   <li>Under HISTORY, entities without a prior actual weigh zero. Under GROWTH, only a region with no
 *       prior actual at all falls back to its reps' capacity; a prior actual of zero weighs zero.</li>
 *   <li>Reps hired after the period get no node. Reps on board with zero capacity get a node: with
 *       zero under CAPACITY, with an even share under EVEN (which ignores capacity), and by their
 *       prior actual under HISTORY.</li>
 *   <li>A region without teams, or a team without reps on board, keeps its target but has no children,
 *       and the decomposition warns that nobody carries it; so does a company without regions. A
 *       company without product lines simply has no product line nodes. If every child of a node with
 *       a target weighs zero (say, under CAPACITY, no team of a region has any capacity), the request
 *       is rejected naming the allocation or history field.</li>
 *   <li>Days and weeks are split per node: each node's days add up to its own monthly target, but the
 *       reps' amounts for one day can differ from their team's amount for that day by rounding.</li>
 *   <li>Weeks are ISO weeks, Monday to Sunday, clipped to the month and labelled by ISO week-based
 *       year ({@code 2026-W53}); a week without working days is listed with zero. Only working days
 *       are listed.</li>
 * </ul>
 */
package io.quotaflow.target.decomposition;
