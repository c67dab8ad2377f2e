package io.quotaflow.incentive.domain;

/** When commission is paid: as deals close, or as their money is collected (回款). */
public enum PayOn {
    CLOSE, COLLECTION
}
