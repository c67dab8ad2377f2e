/**
 * The sales org that targets are decomposed over: regions, product lines, teams (in a region) and reps (on a
 * team). {@link io.quotaflow.target.org.SalesOrg} is how the rest of target-service reads it;
 * {@link io.quotaflow.target.org.OrgService} is how admins write it, one entity at a time or by CSV import,
 * and how callers read the part their token lets them see. {@code web} is its HTTP adapter.
 *
 * <p>Stored in MongoDB, one collection per kind ({@code regions}, {@code product_lines}, {@code teams},
 * {@code reps}) with the entity's id as {@code _id}. Ratios (growth rate, gross margin, capacity) are exact
 * decimals: Decimal128 in the database, plain JSON numbers on the wire, for they are not money.
 */
package io.quotaflow.target.org;
