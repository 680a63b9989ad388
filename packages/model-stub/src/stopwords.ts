const english = `a about above after again against all almost also although always am among an and
any anyone anything are around as at be because been before being below between both but by can
cannot could did do does doing done down during each either else enough etc even ever every few
for from further get gets getting give given go going got had has have having he her here hers
him his how however i if in into is it its itself just know least less let like likely made make
makes making many may me might mine more most much must my need needs neither never new next no
nor not now of off often on once one only or other others our ours out over own per perhaps please
quite rather really same see seem seems she should since so some something soon still such sure
than that the their theirs them then there these they thing things think this those though
through thus to too under until up upon us use used using very via want wants was way we well
were what whatever when where whether which while who whom whose why will with within without
would yes yet you your yours`;

/** Verbs that turn up in nearly every question and name no feature ("how should X handle Y"). */
const genericVerbs = `able allow allows cover covers deal deals happen happens handle handled handles
handling include includes look looks manage manages support supports work works`;

/**
 * Words that carry no subject matter in this app: the instructions of its system prompts, the
 * labels of a pasted transcript, the verbs of a request ("list the risks of ...") and the names
 * of an analyst's deliverables. Left in, they would become the "key terms" of every reply.
 */
const instructions = `acceptance analyst assistant answer answers ask asked asking assumption
assumptions business chat clarifying concise concisely conversation create criteria describe
discuss draft explain give help helpful hello hi hey identify list markdown message messages
outline provide question questions reply replies requirement requirements respond response risk
risks show stories story suggest summarise summarize short tell thanks thank thread title user
users write`;

export const stopwords: ReadonlySet<string> = new Set(
  `${english} ${genericVerbs} ${instructions}`.split(/\s+/),
);
