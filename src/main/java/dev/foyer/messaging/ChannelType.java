package dev.foyer.messaging;

/** How a message reaches a person. */
public enum ChannelType {
    EMAIL, SMS, VOICE
}
