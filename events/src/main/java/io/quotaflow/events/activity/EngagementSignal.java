package io.quotaflow.events.activity;

/** A customer's engagement with the company's content or site. */
public enum EngagementSignal {
    EMAIL_CLICK, SITE_VISIT, CONTENT_DOWNLOAD, LIVESTREAM_VIEW
}
