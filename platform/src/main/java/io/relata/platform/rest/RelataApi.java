package io.relata.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API; every resource path starts with {@code /api}, versioned below it ({@code /v1}). */
@ApplicationPath("/api")
public class RelataApi extends Application {}
