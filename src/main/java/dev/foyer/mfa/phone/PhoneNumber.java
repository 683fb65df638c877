package dev.foyer.mfa.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Set;

/**
 * A phone number in E.164 form ({@code +14255550123}), parsed and checked with libphonenumber.
 * {@link #toString()} is masked, so a number that slips into a log line does not leak.
 */
public final class PhoneNumber {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> NEVER = Set.of(PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST, PhoneNumberType.TOLL_FREE, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
            PhoneNumberType.PAGER);

    private final String e164;
    private final Phonenumber.PhoneNumber parsed;

    private PhoneNumber(Phonenumber.PhoneNumber parsed) {
        this.parsed = parsed;
        this.e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
    }

    /** Why a number was refused; the message is for the person who typed it. */
    public static final class InvalidPhoneNumberException extends IllegalArgumentException {
        public InvalidPhoneNumberException(String message) {
            super(message);
        }
    }

    /**
     * Parses what a person typed: a number in national form with a country/region code
     * ({@code US}, {@code GB}...), or in international form starting with {@code +}.
     *
     * @param needsSms whether the number must take text messages (mobile), or only calls
     */
    public static PhoneNumber parse(String countryCode, String number, boolean needsSms) {
        String region = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        String digits = number == null ? "" : number.strip();
        if (digits.isEmpty()) {
            throw new InvalidPhoneNumberException("Please enter your phone number.");
        }
        if (digits.length() > 32) {
            throw new InvalidPhoneNumberException("That phone number is too long.");
        }
        if (!digits.startsWith("+") && !UTIL.getSupportedRegions().contains(region)) {
            throw new InvalidPhoneNumberException("Please choose your country or region.");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(digits, region.isEmpty() ? "ZZ" : region);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(switch (e.getErrorType()) {
                case TOO_LONG -> "That phone number is too long.";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "That phone number is too short.";
                case INVALID_COUNTRY_CODE -> "Please choose your country or region.";
                default -> "That does not look like a phone number.";
            });
        }
        ValidationResult possible = UTIL.isPossibleNumberWithReason(parsed);
        if (possible == ValidationResult.TOO_SHORT || possible == ValidationResult.INVALID_LENGTH
                && digitsOf(parsed) < 7) {
            throw new InvalidPhoneNumberException("That phone number is too short.");
        }
        // E.164 allows at most 15 digits; the metadata of variable-length plans (Germany) allows more.
        if (possible == ValidationResult.TOO_LONG || UTIL.format(parsed, PhoneNumberFormat.E164).length() > 16) {
            throw new InvalidPhoneNumberException("That phone number is too long.");
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException("That phone number does not exist. Check the country or region"
                    + " and the number.");
        }
        PhoneNumberType type = UTIL.getNumberType(parsed);
        if (NEVER.contains(type)) {
            throw new InvalidPhoneNumberException("Premium-rate, toll-free and shared-cost numbers cannot be used."
                    + " Please use a mobile or landline number.");
        }
        if (needsSms && type == PhoneNumberType.FIXED_LINE) {
            throw new InvalidPhoneNumberException("That is a landline number, which cannot receive text messages."
                    + " Please use a mobile number.");
        }
        return new PhoneNumber(parsed);
    }

    /** A number already stored in E.164 form. */
    public static PhoneNumber ofE164(String e164) {
        try {
            return new PhoneNumber(UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("Not an E.164 number", e);
        }
    }

    public String e164() {
        return e164;
    }

    /**
     * The ISO region the number belongs to, e.g. {@code GB} for {@code +44 7400 123456} whatever
     * country was chosen when it was typed; {@code ZZ} when it belongs to none.
     */
    public String region() {
        String region = UTIL.getRegionCodeForNumber(parsed);
        return region == null ? "ZZ" : region;
    }

    /** The country calling code, e.g. 1 or 44. */
    public int countryCallingCode() {
        return parsed.getCountryCode();
    }

    /** For display: the country code and the last four digits, e.g. {@code +1 XXX-XXX-0123}. */
    public String masked() {
        String national = UTIL.format(parsed, PhoneNumberFormat.NATIONAL).replaceAll("[()]", "").strip();
        StringBuilder masked = new StringBuilder();
        int digitsSeen = 0;
        int totalDigits = (int) national.chars().filter(Character::isDigit).count();
        for (char c : national.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(digitsSeen >= totalDigits - 4 ? c : 'X');
                digitsSeen++;
            } else {
                masked.append(c == ' ' ? '-' : c);
            }
        }
        return "+" + parsed.getCountryCode() + " " + masked.toString().replaceAll("-+", "-");
    }

    private static int digitsOf(Phonenumber.PhoneNumber number) {
        return String.valueOf(number.getNationalNumber()).length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber p && p.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
