/**
 * Whether the thread at the other end of `port` has gone, asked synchronously, by a thread that
 * is blocked and so hears no events (see blockingWorker.ts).
 *
 * How: `postMessage` on a port answers `true` when the message was queued for the other end.
 * Once that end has closed (its thread stopped, however it stopped: Node closes a stopping
 * worker's ports, even when it stops it for want of memory and runs none of its code), there
 * is no port left to deliver to, and Node answers `false`; on a port this thread has closed
 * since, `undefined`. (Node's src/node_messaging.cc: `SiblingGroup::Dispatch` returns false
 * when the group has no other port; `MessagePort::PostMessage` returns the serialisation's
 * result when the port is detached.) Node does not document the answer, so blockingWorker's
 * tests stop a worker in each of these ways and fail, by their hang guard, if it changes.
 *
 * The probe itself is `null`: a worker that is still there leaves it unread in its port's
 * queue, a few bytes per probe.
 */
import type { MessagePort } from 'node:worker_threads';

export function workerGone(port: MessagePort): boolean {
  return (port.postMessage(null) as unknown) !== true;
}
