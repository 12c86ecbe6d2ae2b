package io.hakit.server.domain;

/** A node to build: its name, flavor and volume size. */
public record MemberSpec(String name, String flavorRef, int volumeSize) {}
