package dev.foyer.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Delivers outbox messages: claims a due row, sends it through the first channel that takes it,
 * and records the outcome — SENT, or a failed attempt retried with backoff until the schedule
 * runs out (FAILED); a permanent failure is FAILED at once. Once final, a message loses its body
 * and code — unless the dev channel delivered it, which keeps them for {@code /dev/outbox}. Runs when a
 * commit nudges it about one message and on a fixed poll for the rest (retries, messages whose
 * node died mid-send). Any number of nodes may run it at once. Logs carry ids, purposes and masked
 * recipients, never bodies or codes. Each attempt's outcome is counted in
 * {@code foyer.messages{channel=email|sms|voice, outcome=sent|failed|retried}}.
 */
@Component
class OutboxDispatcher {

    static final String NO_CHANNEL = "no channel configured";
    /** A channel only appears with a restart, so there is no point in looking more often. */
    static final Duration NO_CHANNEL_RECHECK = Duration.ofMinutes(1);
    private static final int BATCH_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxRows rows;
    private final List<Channel> channels;
    private final RetrySchedule retries;
    private final Duration claimTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ExecutorService nudges = Executors.newFixedThreadPool(2, new NudgeThreads());

    @Autowired
    OutboxDispatcher(JdbcClient jdbc, List<Channel> channels, MessagingProperties properties, MeterRegistry meters) {
        this(jdbc, channels, new RetrySchedule(properties.retryBackoff()), properties.claimTimeout(),
                Clock.systemUTC(), meters);
    }

    OutboxDispatcher(JdbcClient jdbc, List<Channel> channels, RetrySchedule retries, Duration claimTimeout,
                     Clock clock, MeterRegistry meters) {
        this.rows = new OutboxRows(jdbc);
        this.channels = inUse(channels);
        this.retries = retries;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.meters = meters;
        log.info("Messages go out through {}", describe(this.channels));
    }

    /** For each message type, the channels that take it, in order: "email: dev; sms: TwilioSmsChannel; voice: none". */
    static String describe(List<Channel> channels) {
        return Arrays.stream(ChannelType.values())
                .map(type -> type.name().toLowerCase(Locale.ROOT) + ": " + channels.stream()
                        .filter(channel -> channel.type() == type)
                        .map(OutboxDispatcher::nameOf)
                        .reduce((first, second) -> first + ", " + second)
                        .orElse("none"))
                .collect(Collectors.joining("; "));
    }

    /** Asks for one freshly committed message to be sent soon, off the caller's thread. */
    void nudge(UUID id) {
        try {
            nudges.execute(() -> {
                try {
                    deliver(id);
                } catch (RuntimeException e) {
                    log.warn("Could not deliver message {} right away; the poll will retry", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the caller's commit stands and the message waits for the next poll.
            log.debug("Not nudging for message {} while shutting down", id);
        }
    }

    @Scheduled(fixedDelayString = "${foyer.messaging.poll-interval:1s}")
    void poll() {
        dispatchDue();
    }

    /** Sends the messages that are due now; returns how many this node sent. */
    int dispatchDue() {
        int sent = 0;
        for (UUID id : rows.due(clock.instant(), BATCH_SIZE)) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims and sends one message; false when another node has it, it is not due, or it failed. */
    boolean deliver(UUID id) {
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        if (!rows.claim(id, token, now, now.plus(claimTimeout))) {
            return false;
        }
        OutboxRows.Stored stored = rows.find(id).orElseThrow();
        OutboundMessage message = stored.message();
        Optional<Channel> channel = channelFor(message);
        if (channel.isEmpty()) {
            log.warn("Message {} ({}, {}) waits: {}", id, message.channel(), message.purpose(), NO_CHANNEL);
            rows.release(id, token, NO_CHANNEL, now.plus(NO_CHANNEL_RECHECK));
            return false;
        }
        return send(message, stored.attempts() + 1, channel.get(), token);
    }

    private boolean send(OutboundMessage message, int attempt, Channel channel, UUID token) {
        String channelName = nameOf(channel);
        try {
            channel.send(message);
        } catch (DeliveryException | RuntimeException e) {
            recordFailure(message, attempt, channelName, token, e);
            return false;
        }
        // Only the dev channel needs the text afterwards (its page shows it); a real provider has it now.
        count(message, "sent");
        boolean keepContent = channel instanceof DevChannel;
        if (!rows.recordSent(message.id(), token, channelName, clock.instant(), keepContent)) {
            log.warn("Message {} was sent after its claim lapsed; another node may send it again", message.id());
        }
        log.info("Sent message {} ({}, {}) to {} via {} on attempt {}", message.id(), message.channel(),
                message.purpose(), message.maskedRecipient(), channelName, attempt);
        return true;
    }

    private void recordFailure(OutboundMessage message, int attempt, String channelName, UUID token, Exception e) {
        String error = channelName + ": " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        boolean permanent = e instanceof DeliveryException failure && failure.isPermanent();
        Optional<Duration> delay = permanent ? Optional.empty() : retries.delayAfter(attempt);
        if (delay.isPresent()) {
            Instant retryAt = clock.instant().plus(delay.get());
            rows.recordRetry(message.id(), token, error, retryAt);
            count(message, "retried");
            log.warn("Message {} ({}) attempt {} via {} failed ({}); retrying at {}", message.id(),
                    message.purpose(), attempt, channelName, e.getClass().getSimpleName(), retryAt);
        } else {
            rows.recordFailed(message.id(), token, error);
            count(message, "failed");
            log.error("Message {} ({}) failed for good after {} attempt(s) via {} ({}{})", message.id(),
                    message.purpose(), attempt, channelName, e.getClass().getSimpleName(),
                    permanent ? ", refused for good" : "");
        }
    }

    private void count(OutboundMessage message, String outcome) {
        Counter.builder("foyer.messages").description("Message delivery attempts, by channel and outcome")
                .tag("channel", message.channel().name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                .register(meters).increment();
    }

    private Optional<Channel> channelFor(OutboundMessage message) {
        Message asEnqueued = message.toMessage();
        return channels.stream()
                .filter(channel -> channel.type() == message.channel() && channel.accepts(asEnqueued))
                .findFirst();
    }

    /** The enabled channels in the injected order, but any real provider ahead of the dev channel. */
    private static List<Channel> inUse(List<Channel> channels) {
        return Stream.concat(
                channels.stream().filter(channel -> channel.enabled() && !(channel instanceof DevChannel)),
                channels.stream().filter(channel -> channel.enabled() && channel instanceof DevChannel)).toList();
    }

    /** The channels messages go out through, in the order they are tried. */
    List<Channel> channels() {
        return channels;
    }

    private static String nameOf(Channel channel) {
        if (channel instanceof DevChannel) {
            return "dev";
        }
        String name = ClassUtils.getUserClass(channel).getSimpleName();
        return name.isEmpty() ? channel.getClass().getName() : name;
    }

    @PreDestroy
    void stop() {
        nudges.shutdown();
    }

    private static final class NudgeThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "outbox-nudge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
