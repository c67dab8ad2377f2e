package io.quotaflow.events.activity;

/** Where a lead came from. */
public enum LeadChannel {
    SHORT_VIDEO, LIVESTREAM, PRIVATE_DOMAIN, SEARCH_ADS, OFFLINE_EVENT, PARTNER, REFERRAL, OUTBOUND
}
