package dev.foyer.messaging.dev;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /dev/outbox}: what Foyer sent, readable by a developer (HTML) and by scripts and tests
 * that need a one-time code ({@code /dev/outbox/messages?to=}, JSON). Exists only with the dev
 * channel, so production does not serve it.
 */
@Controller
@ConditionalOnDevChannel
class DevOutboxPage {

    private final DevOutboxEntries entries;

    DevOutboxPage(DevOutboxEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/dev/outbox")
    String page(@RequestParam(name = "to", required = false) String to, Model model) {
        model.addAttribute("to", to);
        model.addAttribute("entries", entries.latest(to));
        model.addAttribute("limit", DevOutboxEntries.LIMIT);
        return "dev/outbox";
    }

    /** Newest first; {@code /dev/outbox.json} is the older name, kept for scripts that use it. */
    @GetMapping(path = {"/dev/outbox/messages", "/dev/outbox.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<DevOutboxEntry> json(@RequestParam(name = "to", required = false) String to) {
        return entries.latest(to);
    }
}
