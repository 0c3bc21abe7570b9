/** @module English function words that carry no topic, shared by the similarity and overlap helpers. */

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between
both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off on once
only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than
that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those
through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves hi hello hey dear thanks thank please pls plz ok okay yes yeah just really still get got would like know let
us one also well even much many any can could may might must shall via amp im dont cant wont ive youre thats hey team`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that appear in nearly every support exchange and so say nothing about this customer's problem. */
export const SUPPORT_GENERIC: ReadonlySet<string> = new Set(
  `help support customer service issue problem experience dm message team contact look reach link info information
detail details thing things time day today sorry apologies apologize apologise inconvenience assist assistance happy
glad hear sounds understand feel frustrat concern`
    .split(/\s+/)
    .filter(Boolean),
);
