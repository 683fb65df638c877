package dev.foyer.mfa.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The countries and regions offered on the phone page, by name, with their calling codes. */
final class Regions {

    /** One option: {@code US}, "United States (+1)". */
    record Region(String code, String label) {
    }

    static final List<Region> ALL = PhoneNumberUtil.getInstance().getSupportedRegions().stream()
            .map(code -> new Region(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH) + " (+"
                    + PhoneNumberUtil.getInstance().getCountryCodeForRegion(code) + ")"))
            .sorted(Comparator.comparing(Region::label))
            .toList();

    private Regions() {
    }
}
