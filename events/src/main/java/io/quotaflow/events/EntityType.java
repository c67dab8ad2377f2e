package io.quotaflow.events;

/** The responsible entities a target or a KPI can belong to, from the company down to a rep. */
public enum EntityType {
    COMPANY, PRODUCT_LINE, REGION, TEAM, REP
}
