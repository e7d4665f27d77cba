package org.pingyi.draw;

/** How a person came into the pool (the plan: 随机抽取、组织推荐、自愿报名). The draw treats all alike. */
public enum Source { random, recommended, volunteer }
