package dev.foyer.userflow;

/** When a flow asks for the second factor (PRODUCT.md "User flow properties"). */
public enum MfaEnforcement {
    /** Never asked, never enrolled. */
    OFF,
    /** Enrolled at sign-up or at the next sign-in when missing; verified on every run. */
    ALWAYS_ON,
    /** Enrolled; verified only when a condition asks for it. */
    CONDITIONAL
}
