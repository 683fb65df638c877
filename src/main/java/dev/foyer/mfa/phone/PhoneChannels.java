package dev.foyer.mfa.phone;

import java.util.Optional;

/**
 * What a flow's MFA method id allows: text messages, voice calls, or both. The amr value recorded
 * for each is RFC 8176's: {@code sms} or {@code tel}.
 */
enum PhoneChannels {
    SMS_OR_CALL("phone", true, true),
    SMS_ONLY("phoneSms", true, false),
    CALL_ONLY("phoneCall", false, true);

    static final String SMS = "sms";
    static final String CALL = "tel";

    final String methodId;
    final boolean sms;
    final boolean call;

    PhoneChannels(String methodId, boolean sms, boolean call) {
        this.methodId = methodId;
        this.sms = sms;
        this.call = call;
    }

    static Optional<PhoneChannels> of(String methodId) {
        for (PhoneChannels channels : values()) {
            if (channels.methodId.equals(methodId)) {
                return Optional.of(channels);
            }
        }
        return Optional.empty();
    }

    boolean allows(String channel) {
        return SMS.equals(channel) ? sms : CALL.equals(channel) && call;
    }
}
