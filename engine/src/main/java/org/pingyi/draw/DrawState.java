package org.pingyi.draw;

/** Where an office draw stands; each step moves it on once, in this order (or to discarded before adoption). */
public enum DrawState { pool_published, seed_announced, seeded, drawn, adopted, discarded }
