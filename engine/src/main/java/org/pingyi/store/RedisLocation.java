package org.pingyi.store;

import io.lettuce.core.RedisURI;

/** Where Redis is; described without any password. */
public record RedisLocation(String url) {

  public RedisURI uri() {
    return RedisURI.create(url);
  }

  public String describe() {
    RedisURI uri = uri();
    return uri.toString().replaceAll("//[^@/]*@", "//");
  }
}
