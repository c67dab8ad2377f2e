package io.quotaflow.events.activity;

/** How a rep followed up with a customer. */
public enum FollowUpChannel {
    CALL, VISIT, EMAIL, MEETING, WECHAT, DEMO
}
