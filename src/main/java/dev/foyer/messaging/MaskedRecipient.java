package dev.foyer.messaging;

/** Hides most of an address or phone number so logs can tell messages apart without exposing them. */
final class MaskedRecipient {

    private MaskedRecipient() {
    }

    static String of(String recipient) {
        if (recipient == null || recipient.isEmpty()) {
            return "";
        }
        int at = recipient.indexOf('@');
        if (at >= 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        int keep = Math.min(2, recipient.length() / 4);
        return "***" + recipient.substring(recipient.length() - keep);
    }
}
