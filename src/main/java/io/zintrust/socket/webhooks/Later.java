package io.zintrust.socket.webhooks;

/** Runs a task once after a delay; the returned handle cancels it. (The container's scheduler, or a fake.) */
@FunctionalInterface
interface Later {

    Runnable later(long delayMs, Runnable task);
}
