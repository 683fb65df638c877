package dev.foyer.messaging.dev;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/outbox}: what Foyer sent, readable by a developer (HTML) and by scripts and tests
 * that need a one-time code ({@code /dev/outbox/messages?to=}, JSON). Answers only while the dev
 * channel is on ({@code foyer.messaging.dev-channel.enabled}); otherwise every path is not found, so
 * production does not serve it. Decided when the server starts rather than by a bean condition, which
 * a build processed ahead of time (Spring AOT) would fix at build time.
 */
@Controller
class DevOutboxPage {

    private final DevOutboxEntries entries;
    private final boolean enabled;

    DevOutboxPage(DevOutboxEntries entries,
                  @Value("${foyer.messaging.dev-channel.enabled:true}") boolean enabled) {
        this.entries = entries;
        this.enabled = enabled;
    }

    @GetMapping("/dev/outbox")
    String page(@RequestParam(name = "to", required = false) String to, Model model) {
        requireEnabled();
        model.addAttribute("to", to);
        model.addAttribute("entries", entries.latest(to));
        model.addAttribute("limit", DevOutboxEntries.LIMIT);
        return "dev/outbox";
    }

    /** Newest first; {@code /dev/outbox.json} is the older name, kept for scripts that use it. */
    @GetMapping(path = {"/dev/outbox/messages", "/dev/outbox.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<DevOutboxEntry> json(@RequestParam(name = "to", required = false) String to) {
        requireEnabled();
        return entries.latest(to);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
