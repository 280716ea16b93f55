import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Caches go to a folder of the test run's own, not the developer's ~/.cache/briefdeck.
    env: { BRIEFDECK_CACHE_DIR: join(tmpdir(), `briefdeck-test-cache-${process.pid}`) },
  },
});
