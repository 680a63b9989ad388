import { analystReply } from './analyst-reply';
import type { MessagesRequest } from './messages-request';
import { replyContext } from './reply-context';
import { isTitleRequest, threadTitle } from './thread-title';

/** The stub's answer to a request: a function of the request's text alone, so it never varies. */
export function composeReply(request: MessagesRequest): string {
  return isTitleRequest(request) ? threadTitle(request) : analystReply(replyContext(request));
}
