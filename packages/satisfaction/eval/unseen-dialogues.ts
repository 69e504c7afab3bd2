import type { LabelledTurn } from './labelled-turns';

/**
 * Unseen labelled dialogues, written in December 2026 by an outside evaluator who did not read the
 * scorer or its lexicon, nor the existing labelled turns. Labels follow the guide in labelled-turns.ts
 * (green / yellow / orange / red), as a clinic supervisor would judge the conversation right after `turn`.
 * See packages/knowledge/eval/UNSEEN.md for the conventions.
 *
 * The `test` split must never be used for tuning the scorer, its lexicon or its thresholds.
 */
export type DialogueKind =
  | 'threat' // report / bad review / lawyer / authorities, polite or blunt → red
  | 'symptom' // post-treatment symptom: lingering mild → orange, warning signs → red
  | 'competitor' // faster / cheaper competitor: churn threat → red, price comparison only → yellow
  | 'disengaged' // short non-committal reply after the AI asked a real question → yellow
  | 'repeated' // the same question asked again across turns → orange
  | 'waiting' // waiting for staff: short → yellow, annoyed → orange, long ignored → red
  | 'hesitation' // price hesitation or confusion → yellow
  | 'green'; // thanks, booking, plain questions, enthusiasm, content acknowledgements → green

export interface UnseenDialogue extends LabelledTurn {
  split: 'dev' | 'test';
  source: 'unseen-2026-12';
  kind: DialogueKind;
  why: string;
}

type Lang = LabelledTurn['language'];
type Level = LabelledTurn['label'];
type H = [from: 'customer' | 'ai' | 'staff', text: string, at: number];
type Raw = Omit<UnseenDialogue, 'id' | 'split' | 'source'>;

function d(kind: DialogueKind, language: Lang, label: Level, why: string, history: H[], turn: [string, number], waitingForHuman?: true): Raw {
  return {
    kind,
    language,
    label,
    why,
    history: history.map(([from, text, at]) => ({ from, text, at })),
    turn: { text: turn[0], at: turn[1] },
    ...(waitingForHuman ? { waitingForHuman } : {}),
  };
}

const RAW: Raw[] = [
  // ═══════════════════════════════ English ═══════════════════════════════
  d(
    'threat',
    'en',
    'red',
    'Polite wording, but threatens a public bad review unless management calls.',
    [
      ['customer', 'Hi, I had pico toning last week and the receptionist was quite rude to me at checkout.', 0],
      ['ai', "I'm sorry to hear that. I've passed your feedback on to our staff.", 1],
    ],
    ["I appreciate the reply. However, if nobody from management contacts me today, I'm afraid I'll have to share my experience in a Google review.", 6],
  ),
  d(
    'threat',
    'en',
    'red',
    'Blunt refund demand plus threat to call the clinic a scam publicly.',
    [
      ['customer', 'my jaw botox did literally nothing after 3 weeks', 0],
      ['ai', 'Results usually show within 2–4 weeks. Could you send us a front photo so the doctor can check?', 1],
    ],
    ['NO. refund me or im posting everywhere that this place is a scam', 4],
  ),
  d(
    'threat',
    'en',
    'red',
    'Lawyer and a formal report to the authorities.',
    [
      ['customer', 'The Ulthera left two burn lines along my jaw.', 0],
      ['staff', "We're very sorry. Could you come in tomorrow so the doctor can examine it?", 30],
    ],
    ["I've already spoken to a lawyer and I'm filing a report with the medical dispute agency. Please send me my full records.", 45],
  ),
  d(
    'symptom',
    'en',
    'orange',
    'Politely worded, but a lingering swelling/bruise 3 days after filler needs a clinical look.',
    [['ai', 'Hi Jenna, how are you feeling after your nasolabial filler?', 0]],
    ["I'm sorry to bother you, but my cheek is still quite swollen and a bit bruised 3 days after. Is that normal?", 10],
  ),
  d(
    'symptom',
    'en',
    'red',
    'Darkening skin and worsening pain after nose filler are vascular warning signs.',
    [
      ['customer', 'had nose filler yesterday', 0],
      ['ai', 'Thanks for letting us know! How is it feeling today?', 1],
    ],
    ['the tip is getting darker, kind of purple, and the pain is getting worse not better', 3],
  ),
  d(
    'competitor',
    'en',
    'red',
    'Left waiting, compares with a faster competitor and announces churn.',
    [
      ['customer', 'hello, how much is thermage for the eye area?', 0],
      ['ai', "Let me check that with our staff — they'll reply here shortly.", 1],
    ],
    ['never mind. another clinic in Gangnam answered me in 5 minutes. you just lost a customer', 22],
    true,
  ),
  d(
    'competitor',
    'en',
    'yellow',
    'Cheaper competitor mentioned as price hesitation, no threat to leave.',
    [
      ['customer', 'how much is rejuran', 0],
      ['ai', 'Rejuran Healer full face is KRW 280,000 right now (regular 350,000).', 1],
    ],
    ['hmm a clinic near my hotel does it for 250k... any chance you can do a bit better?', 4],
  ),
  d(
    'disengaged',
    'en',
    'yellow',
    'AI asked a real question (area and dates); reply is non-committal.',
    [
      ['customer', 'interested in botox', 0],
      ['ai', 'Great! Are you thinking of forehead lines or jaw slimming, and when will you be in Seoul?', 1],
    ],
    ['hmm idk', 9],
  ),
  d(
    'disengaged',
    'en',
    'yellow',
    'Asked to pick a slot, customer backs off.',
    [
      ['customer', 'do you have anything this saturday for shrink?', 0],
      ['ai', 'We do! Would you prefer Saturday morning or afternoon? I can ask staff to hold one for you.', 1],
    ],
    ['maybe later', 15],
  ),
  d(
    'repeated',
    'en',
    'orange',
    'Re-asks because the first answer ignored the question.',
    [
      ['customer', 'is numbing cream included with skin botox?', 0],
      ['ai', 'Skin Botox for the full face is KRW 190,000 during our event.', 1],
    ],
    ['yes but is the numbing cream included or not??', 3],
  ),
  d(
    'repeated',
    'en',
    'orange',
    'Third time asking the same yes/no question, visibly impatient but still engaged.',
    [
      ['customer', 'Do you have English speaking staff on Saturday?', 0],
      ['ai', 'We are open Saturday 10:00–16:00.', 1],
      ['customer', 'ok but english speaking staff?', 3],
      ['ai', 'Our coordinators can help you with your booking.', 4],
    ],
    ['Third time asking. Will someone who speaks English be there on Saturday, yes or no', 6],
  ),
  d(
    'waiting',
    'en',
    'yellow',
    'First gentle nudge 12 minutes after the handoff.',
    [
      ['customer', 'Can I move my appointment from Thursday to Friday?', 0],
      ['ai', "I've passed this to our staff, they'll get back to you shortly.", 0.5],
    ],
    ['hi, just checking someone saw this?', 12],
    true,
  ),
  d(
    'waiting',
    'en',
    'orange',
    'Second nudge after ~50 minutes, annoyed at the wait.',
    [
      ['customer', 'I need to know if I can take ibuprofen after filler, I have a headache', 0],
      ['ai', "I've forwarded your question to our medical staff.", 1],
      ['customer', 'hello?', 20],
    ],
    ["It's been almost an hour. kind of ridiculous for a simple question", 50],
    true,
  ),
  d(
    'waiting',
    'en',
    'red',
    'Ignored for four hours despite two nudges.',
    [
      ['customer', 'requesting my receipt for insurance please', 0],
      ['ai', 'Our staff will send it to you shortly.', 1],
      ['customer', 'any update?', 60],
      ['customer', 'hello??', 130],
    ],
    ['4 hours. Nobody. Unbelievable.', 240],
    true,
  ),
  d(
    'hesitation',
    'en',
    'yellow',
    'Price hesitation after hearing the Thermage price.',
    [
      ['customer', 'how much is thermage full face?', 0],
      ['ai', 'Thermage FLX full face (600 shots) is KRW 2,390,000 during the event.', 1],
    ],
    ["oof that's way more than I budgeted 😬 let me think", 3],
  ),
  d(
    'hesitation',
    'en',
    'yellow',
    'Confused by the two toxin options.',
    [['ai', 'Jaw Botox: Korean toxin KRW 59,000 (first visit) or imported Xeomin KRW 290,000.', 0]],
    ["wait I'm confused, which one is better? why is one so much more expensive", 2],
  ),
  d(
    'green',
    'en',
    'green',
    'Thanks after a plain answer.',
    [
      ['customer', 'what time do you open on saturday', 0],
      ['ai', 'Saturday 10:00–16:00.', 1],
    ],
    ['perfect, thank you!', 2],
  ),
  d(
    'green',
    'en',
    'green',
    'Booking request, positive.',
    [['ai', 'Hello! How can I help you today?', 0]],
    ["Hi! I'd like to book rejuran for next Tuesday afternoon if possible", 1],
  ),
  d('green', 'en', 'green', 'Plain first question.', [], ['Do you accept Apple Pay or only cards?', 0]),
  d(
    'green',
    'en',
    'green',
    'Enthusiastic emoji after confirmation.',
    [['staff', 'Your appointment is confirmed for Dec 12, 2pm 😊', 0]],
    ["yaaay 🎉🎉 can't wait!!", 3],
  ),
  d(
    'green',
    'en',
    'green',
    'Happy with results.',
    [['staff', 'How are your results two weeks after the jaw botox?', 0]],
    ['honestly love it, my face looks so much slimmer 😍', 60],
  ),
  d('green', 'en', 'green', 'Ordinary aftercare question, no worry expressed.', [], ['after laser toning can I wear makeup the next day?', 0]),
  d(
    'green',
    'en',
    'green',
    'Acknowledges directions.',
    [['ai', "We're on the 9th floor of 470 Gangnam-daero, Sinnonhyeon Exit 5 — the building with a café downstairs.", 0]],
    ["got it, I'll look for the cafe building then 👍", 2],
  ),
  d(
    'green',
    'en',
    'green',
    'Waiting for staff but only 2 minutes in and explicitly relaxed.',
    [
      ['customer', 'can i add an aqua peel to my appointment tomorrow?', 0],
      ['ai', "I've asked our staff to check the schedule; they'll reply here shortly.", 0.5],
    ],
    ['no rush, thanks!', 2],
    true,
  ),
  d(
    'green',
    'en',
    'green',
    'Short "ok" but the AI asked nothing — plain acknowledgement.',
    [
      ['customer', 'parking?', 0],
      ['ai', 'Parking is on B2–B4 of our building and 2 hours are free with a treatment.', 0.5],
    ],
    ['ok 👍', 1],
  ),
  d(
    'green',
    'en',
    'green',
    'Confirms tomorrow after a reminder.',
    [['staff', 'Reminder: your pico toning is tomorrow at 11:00. Please arrive 10 minutes early!', 0]],
    ['see you tomorrow at 11!', 30],
  ),
  d(
    'green',
    'en',
    'green',
    'Neutral information question.',
    [
      ['customer', 'hi', 0],
      ['ai', 'Hello! How can I help?', 0.5],
    ],
    ['how long does the ulthera session take? need to plan my day', 1],
  ),

  // ═══════════════════════════════ Japanese ═══════════════════════════════
  d(
    'threat',
    'ja',
    'red',
    '丁寧語だが、口コミに書くと予告している。',
    [
      ['customer', '先日サーマクールを受けたのですが、説明より効果がなく残念です。', 0],
      ['ai', 'ご不便をおかけして申し訳ございません。担当スタッフに共有いたしました。', 1],
    ],
    ['お返事ありがとうございます。ただ、誠意あるご対応がいただけない場合は、今回の件を口コミサイトに書かせていただきます。', 8],
  ),
  d(
    'threat',
    'ja',
    'red',
    '命令口調で返金要求と「拡散する」という脅し。',
    [
      ['customer', 'リジュランの予約、勝手にキャンセルされてたんだけど', 0],
      ['ai', '確認いたします。少々お待ちください。', 1],
    ],
    ['ふざけないで。今すぐ返金して。しないならSNSで全部晒すから', 3],
  ),
  d(
    'threat',
    'ja',
    'red',
    '弁護士・消費者センターへの相談を明言。',
    [
      ['customer', '鼻ヒアルの後にしこりができました。', 0],
      ['staff', '申し訳ございません。一度ご来院いただけますでしょうか。', 40],
    ],
    ['もう帰国しました。弁護士と消費生活センターに相談していますので、カルテを送ってください。', 55],
  ),
  d(
    'symptom',
    'ja',
    'orange',
    '控えめな書き方だが、4日後も腫れと内出血が残っていて心配している。',
    [['ai', '佐藤様、唇ヒアルロン酸の後の調子はいかがでしょうか？', 0]],
    ['お忙しいところすみません…4日経ってもまだ唇が少し腫れていて、あざも残っています。様子見で大丈夫でしょうか', 20],
  ),
  d(
    'symptom',
    'ja',
    'red',
    '白くなって痛みが増す＝血管トラブルの警告サイン。',
    [
      ['customer', '昨日ほうれい線にヒアル入れました', 0],
      ['ai', 'ご連絡ありがとうございます。その後いかがですか？', 1],
    ],
    ['口の横の皮膚が白っぽくなってて、どんどん痛くなってきました', 4],
  ),
  d(
    'competitor',
    'ja',
    'red',
    '他院の方が早いと言って離脱を宣言。',
    [
      ['customer', '今週の土曜日、エラボトックス空いてますか？', 0],
      ['ai', 'スタッフに空き状況を確認しますので、少々お待ちください。', 1],
    ],
    ['もういいです。別のクリニックはすぐ返事くれたので、そっちで予約しました。', 35],
    true,
  ),
  d(
    'competitor',
    'ja',
    'yellow',
    '他院の価格と比べているだけで、離脱の意思表示はない。',
    [
      ['customer', 'ウルセラ300ショットいくらですか', 0],
      ['ai', 'ウルセラ300ショットは現在イベント価格1,190,000ウォンです。', 1],
    ],
    ['うーん、明洞のクリニックだと100万ウォン切ってたんですよね…', 5],
  ),
  d(
    'disengaged',
    'ja',
    'yellow',
    '具体的な質問に「また考えます」で離れかけている。',
    [
      ['customer', 'シミが気になってます', 0],
      ['ai', 'ピコトーニングとレーザートーニングがございます。ソウルにはいつ頃いらっしゃいますか？', 1],
    ],
    ['また考えます', 12],
  ),
  d(
    'disengaged',
    'ja',
    'yellow',
    '希望日を聞かれて「うーん」だけ。',
    [
      ['customer', '水光注射やってみたいです', 0],
      ['ai', 'ありがとうございます！ご希望の日にちとお時間はございますか？', 1],
    ],
    ['うーん', 8],
  ),
  d(
    'repeated',
    'ja',
    'orange',
    '同じ質問（麻酔の有無）を言い直している。',
    [
      ['customer', 'リジュランって麻酔しますか？', 0],
      ['ai', 'リジュランの料金は現在280,000ウォンです。', 1],
    ],
    ['料金じゃなくて、麻酔があるかどうかを聞いています', 3],
  ),
  d(
    'repeated',
    'ja',
    'orange',
    '3回目の同じ質問。',
    [
      ['customer', '日本語できるスタッフはいますか？', 0],
      ['ai', '当院は新論峴駅5番出口から徒歩すぐです。', 1],
      ['customer', 'いえ、日本語の通訳さんはいますか？', 3],
      ['ai', 'ご予約はこちらのチャットで承ります。', 4],
    ],
    ['何度も聞いてますが、日本語対応できる人はいますか？', 6],
  ),
  d(
    'waiting',
    'ja',
    'yellow',
    '引き継ぎ後15分、控えめな催促。',
    [
      ['customer', '予約を1時間遅らせることはできますか？', 0],
      ['ai', 'スタッフにおつなぎしました。まもなくご返信いたします。', 0.5],
    ],
    ['すみません、確認していただけましたでしょうか？', 15],
    true,
  ),
  d(
    'waiting',
    'ja',
    'orange',
    '40分待たされて苛立ち。',
    [
      ['customer', '施術後にお酒を飲んでしまったのですが大丈夫ですか', 0],
      ['ai', '医療スタッフに確認いたします。', 1],
      ['customer', 'まだでしょうか', 20],
    ],
    ['40分以上待ってるんですけど、ちょっと遅すぎませんか？', 42],
    true,
  ),
  d(
    'waiting',
    'ja',
    'red',
    '言葉は丁寧でも5時間放置されている。',
    [
      ['customer', '領収書を再発行していただけますか', 0],
      ['ai', 'スタッフから折り返しご連絡いたします。', 1],
      ['customer', 'お手数ですがよろしくお願いします', 90],
    ],
    ['朝からずっとお待ちしておりますが、どなたからもご連絡がございません。', 300],
    true,
  ),
  d(
    'hesitation',
    'ja',
    'yellow',
    '価格を聞いて迷っている。',
    [
      ['customer', 'サーマクールの目元はいくら？', 0],
      ['ai', 'サーマクールFLX目元225ショットは1,200,000ウォンです。', 1],
    ],
    ['思ったより高いなぁ…ちょっと悩みます', 3],
  ),
  d(
    'hesitation',
    'ja',
    'yellow',
    '二つの施術の違いが分からず混乱。',
    [['ai', 'リフトアップならウルセラとシュリンクユニバースがございます。', 0]],
    ['違いがよく分からないです…どっちが私に合ってるんでしょう', 2],
  ),
  d(
    'green',
    'ja',
    'green',
    'お礼。',
    [
      ['customer', '駐車場はありますか', 0],
      ['ai', '建物の地下2〜4階にございます。施術の方は2時間無料です。', 1],
    ],
    ['助かります、ありがとうございます！', 2],
  ),
  d('green', 'ja', 'green', '予約希望。', [], ['12月20日の午後、エラボトックスの予約をお願いできますか？', 0]),
  d('green', 'ja', 'green', 'ローマ字の普通の質問。', [], ['rejuran no daun taimu wa nannichi gurai desu ka', 0]),
  d('green', 'ja', 'green', '絵文字で喜んでいる。', [['staff', 'ご予約が確定しました！12日14時にお待ちしております😊', 0]], ['やったー！楽しみです✨✨', 2]),
  d('green', 'ja', 'green', '結果に満足。', [['staff', 'ボトックスから2週間、いかがですか？', 0]], ['おでこのしわがほんとに消えててびっくりです！', 120]),
  d('green', 'ja', 'green', '普通の事前質問。', [], ['施術の前日にお酒を飲んでも大丈夫ですか？', 0]),
  d(
    'green',
    'ja',
    'green',
    '待機中だが2分、穏やか。',
    [
      ['customer', '通訳さんをお願いできますか', 0],
      ['ai', 'スタッフに確認いたします。少々お待ちください。', 0.5],
    ],
    ['はい、ゆっくりで大丈夫です', 2],
    true,
  ),
  d(
    'green',
    'ja',
    'green',
    '質問されていない場面での短い「了解です」。',
    [
      ['customer', '土曜は何時まで？', 0],
      ['ai', '土曜日は10:00〜16:00です。', 0.5],
    ],
    ['了解です', 1],
  ),
  d(
    'green',
    'ja',
    'green',
    'リマインダーへの返事。',
    [['staff', '明日11時のご予約のリマインドです。パスポートをお持ちください。', 0]],
    ['はい、持っていきます！よろしくお願いします', 45],
  ),
  d('green', 'ja', 'green', '道順の確認。', [], ['江南駅から歩いて行けますか？', 0]),
  d('green', 'ja', 'green', '支払い方法の質問。', [['ai', 'こんにちは！ご質問をどうぞ。', 0]], ['JCBカードは使えますか？', 1]),

  // ═══════════════════════════════ Chinese (Simplified) ═══════════════════════════════
  d(
    'threat',
    'zh',
    'red',
    '语气客气，但说要在小红书发差评。',
    [
      ['customer', '上周做的皮秒，脸上反而多了几个斑。', 0],
      ['ai', '非常抱歉给您带来困扰，已经转告工作人员。', 1],
    ],
    ['谢谢回复。不过如果今天还没有负责人联系我，我只能在小红书和大众点评上如实写出这次的经历了。', 10],
  ),
  d(
    'threat',
    'zh',
    'red',
    '直接骂人并要求退款。',
    [
      ['customer', '瘦脸针打了一个月一点用都没有', 0],
      ['ai', '效果一般2～4周出现，可以发张正面照片给我们吗？', 1],
    ],
    ['别废话了 退钱！不退我就到处曝光你们骗人', 3],
  ),
  d(
    'threat',
    'zh',
    'red',
    '找律师、向有关部门投诉。',
    [
      ['customer', '做完超声刀下巴起了两道红印子，到现在都没消', 0],
      ['staff', '非常抱歉，请问明天可以来院让医生看一下吗？', 25],
    ],
    ['我已经回国了。我已经咨询了律师，也会向韩国医疗纠纷调解院投诉，请把病历发给我。', 40],
  ),
  d(
    'symptom',
    'zh',
    'orange',
    '很客气地说3天后还肿、有淤青，需要医生看看。',
    [['ai', '王小姐您好，法令纹玻尿酸做完感觉怎么样？', 0]],
    ['不好意思打扰了，已经第三天了，右边脸颊还是有点肿，还有一点淤青，这样正常吗？', 15],
  ),
  d(
    'symptom',
    'zh',
    'red',
    '皮肤发紫、疼痛加重：血管栓塞警示。',
    [
      ['customer', '昨天做了鼻子玻尿酸', 0],
      ['ai', '谢谢告诉我们，今天感觉怎么样？', 1],
    ],
    ['鼻头那块越来越紫了，而且越来越疼', 3],
  ),
  d(
    'competitor',
    'zh',
    'red',
    '别家5分钟就回复了，明确流失。',
    [
      ['customer', '请问这周六还有热玛吉的位置吗', 0],
      ['ai', '我帮您问一下工作人员，请稍等。', 1],
    ],
    ['算了，别家五分钟就回我了，我去别家做了', 30],
    true,
  ),
  d(
    'competitor',
    'zh',
    'yellow',
    '只是比价，没说要走。',
    [
      ['customer', '丽珠兰多少钱', 0],
      ['ai', '丽珠兰全脸2cc目前活动价280,000韩元。', 1],
    ],
    ['朋友在别家做才二十几万韩元，能便宜点吗', 4],
  ),
  d(
    'disengaged',
    'zh',
    'yellow',
    'AI 问了具体问题，回复敷衍。',
    [
      ['customer', '想做水光针', 0],
      ['ai', '好的！请问您大概什么时候来首尔？几位一起？', 1],
    ],
    ['再说吧', 10],
  ),
  d(
    'disengaged',
    'zh',
    'yellow',
    '问她选哪个时段，只回"嗯"。',
    [
      ['customer', '周六能做小气泡吗', 0],
      ['ai', '可以的，您想约上午还是下午呢？', 1],
    ],
    ['嗯', 14],
  ),
  d(
    'repeated',
    'zh',
    'orange',
    '问题被答非所问，再问一次。',
    [
      ['customer', '超声刀需要打麻药吗', 0],
      ['ai', '超声刀300发活动价1,190,000韩元。', 1],
    ],
    ['我问的是要不要打麻药，不是价格', 3],
  ),
  d(
    'repeated',
    'zh',
    'orange',
    '同一个问题第三次。',
    [
      ['customer', '可以用微信支付吗', 0],
      ['ai', '我们的营业时间是周一至周五10:00～20:00。', 1],
      ['customer', '微信支付可以吗？', 2],
      ['ai', '预约可以直接在这里告诉我们。', 3],
    ],
    ['第三遍了，到底能不能用微信支付？', 5],
  ),
  d(
    'waiting',
    'zh',
    'yellow',
    '转人工后10分钟，轻轻催一下。',
    [
      ['customer', '我想把预约改到明天', 0],
      ['ai', '已为您转接工作人员，请稍候。', 0.5],
    ],
    ['在吗？', 10],
    true,
  ),
  d(
    'waiting',
    'zh',
    'orange',
    '等了快一小时，开始不耐烦。',
    [
      ['customer', '打完肉毒能吃布洛芬吗', 0],
      ['ai', '已转给医护人员，稍后回复您。', 1],
      ['customer', '有人吗', 25],
    ],
    ['等了快一个小时了，一个简单的问题而已', 55],
    true,
  ),
  d(
    'waiting',
    'zh',
    'red',
    '半天没人理。',
    [
      ['customer', '请帮我开一张收据', 0],
      ['ai', '工作人员稍后会发给您。', 1],
      ['customer', '？？', 80],
      ['customer', '还有人吗', 150],
    ],
    ['等了三个多小时了，你们到底有没有人管？', 210],
    true,
  ),
  d(
    'hesitation',
    'zh',
    'yellow',
    '嫌贵，犹豫。',
    [
      ['customer', '热玛吉全脸多少钱', 0],
      ['ai', '热玛吉FLX全脸600发活动价2,390,000韩元。', 1],
    ],
    ['这么贵啊…我再考虑考虑', 2],
  ),
  d(
    'hesitation',
    'zh',
    'yellow',
    '对产品区别感到困惑。',
    [['ai', '额头肉毒素有国产（59,000韩元）和进口（220,000韩元）两种。', 0]],
    ['有点懵，国产和进口差别很大吗？', 2],
  ),
  d(
    'green',
    'zh',
    'green',
    '道谢。',
    [
      ['customer', '几点关门', 0],
      ['ai', '平日到20:00，周六到16:00。', 1],
    ],
    ['好的谢谢～', 2],
  ),
  d('green', 'zh', 'green', '预约。', [], ['你好，我想预约12月18号下午三点的超声炮', 0]),
  d('green', 'zh', 'green', '拼音的普通问题。', [], ['ni hao, keyi yong zhifubao ma', 0]),
  d('green', 'zh', 'green', '开心的表情。', [['staff', '您的预约已确认：12日下午2点😊', 0]], ['太好了🥰🥰 到时见！', 2]),
  d('green', 'zh', 'green', '对效果很满意。', [['staff', '打完瘦脸针两周了，感觉怎么样？', 0]], ['脸真的小了一圈！朋友都说变好看了哈哈', 90]),
  d('green', 'zh', 'green', '普通的术后问题。', [], ['做完激光第二天可以化妆吗', 0]),
  d(
    'green',
    'zh',
    'green',
    '等人工但才2分钟，语气平和。',
    [
      ['customer', '可以安排中文翻译吗', 0],
      ['ai', '我帮您确认一下，请稍等。', 0.5],
    ],
    ['好的不着急', 2],
    true,
  ),
  d(
    'green',
    'zh',
    'green',
    'AI 没有提问，简单回"好"。',
    [
      ['customer', '地址发我一下', 0],
      ['ai', '首尔特别市江南区江南大路470号 9楼（新论岘站5号出口）。', 0.5],
    ],
    ['好', 1],
  ),
  d('green', 'zh', 'green', '回复提醒。', [['staff', '提醒您明天上午11点的预约，请带好护照。', 0]], ['收到，明天见', 40]),
  d('green', 'zh', 'green', '退税的普通问题。', [], ['请问外国人可以办退税吗？', 0]),
  d('green', 'zh', 'green', '交通问题。', [['ai', '您好，有什么可以帮您？', 0]], ['从金浦机场过去怎么走比较方便', 1]),

  // ═══════════════════════════════ Chinese (Traditional) ═══════════════════════════════
  d(
    'threat',
    'zh-TW',
    'red',
    '很有禮貌，但說要上 Google 評論與 Dcard 分享。',
    [
      ['customer', '上次的水光針做完，櫃檯說好的折扣結帳時沒有算進去。', 0],
      ['ai', '很抱歉造成您的困擾，已轉告工作人員。', 1],
    ],
    ['謝謝您的回覆。如果這週內還是沒有人處理，我會把這次的經驗寫在 Google 評論和 Dcard 上，請見諒。', 12],
  ),
  d(
    'threat',
    'zh-TW',
    'red',
    '直接嗆聲要退費、要爆料。',
    [
      ['customer', '音波拉提做完根本沒感覺', 0],
      ['ai', '效果通常會在數週內慢慢出現喔。', 1],
    ],
    ['少來 馬上退錢 不然我就上PTT爆料', 3],
  ),
  d(
    'threat',
    'zh-TW',
    'red',
    '提到律師與消保官。',
    [
      ['customer', '打完鼻子玻尿酸鼻樑歪了', 0],
      ['staff', '非常抱歉，方便回診讓醫師看看嗎？', 50],
    ],
    ['我人已經在台灣了。我會請律師處理，也會向消保官申訴，請提供完整病歷。', 70],
  ),
  d(
    'symptom',
    'zh-TW',
    'orange',
    '客氣地描述三天後仍腫、有瘀青。',
    [['ai', '林小姐您好，打完法令紋玻尿酸還好嗎？', 0]],
    ['不好意思打擾了～已經第三天了，臉頰還是有點腫，也有一點瘀青，這樣正常嗎？', 30],
  ),
  d(
    'symptom',
    'zh-TW',
    'red',
    '皮膚發白、疼痛加劇。',
    [
      ['customer', '我昨天打了嘴唇玻尿酸', 0],
      ['ai', '謝謝告知，今天感覺如何呢？', 1],
    ],
    ['上唇有一塊變得白白的 而且越來越痛', 3],
  ),
  d(
    'competitor',
    'zh-TW',
    'red',
    '等不到回覆，說別家比較快，不約了。',
    [
      ['customer', '請問週六還有皮秒的時段嗎？', 0],
      ['ai', '我幫您詢問工作人員，請稍候。', 1],
    ],
    ['不用了，別間診所五分鐘就回我了，我已經約別間', 28],
    true,
  ),
  d(
    'competitor',
    'zh-TW',
    'yellow',
    '單純比價。',
    [
      ['customer', '瘦臉針多少', 0],
      ['ai', '瘦臉針國產50單位初診活動價59,000韓元。', 1],
    ],
    ['嗯…我看別家進口的只要20幾萬，你們進口的比較貴欸', 4],
  ),
  d(
    'disengaged',
    'zh-TW',
    'yellow',
    '被問到具體問題只回「喔」。',
    [
      ['customer', '想問雷射淨膚', 0],
      ['ai', '好的！請問主要想改善斑點還是膚色暗沉呢？', 1],
    ],
    ['喔', 11],
  ),
  d(
    'disengaged',
    'zh-TW',
    'yellow',
    '推託「之後再說」。',
    [
      ['customer', '麗珠蘭可以做嗎', 0],
      ['ai', '可以的！您預計哪幾天在首爾呢？', 1],
    ],
    ['之後再說好了', 20],
  ),
  d(
    'repeated',
    'zh-TW',
    'orange',
    '答非所問後重問。',
    [
      ['customer', '玻尿酸隆鼻可以維持多久？', 0],
      ['ai', '鼻部玻尿酸1cc國產250,000韓元。', 1],
    ],
    ['我是問可以維持多久啦', 2],
  ),
  d(
    'repeated',
    'zh-TW',
    'orange',
    '第三次問同一件事。',
    [
      ['customer', '有會說中文的人嗎', 0],
      ['ai', '我們位於新論峴站5號出口。', 1],
      ['customer', '我是問有沒有中文翻譯', 2],
      ['ai', '預約可以在這裡直接告訴我們喔。', 3],
    ],
    ['問第三次了，到底有沒有中文翻譯？', 5],
  ),
  d(
    'waiting',
    'zh-TW',
    'yellow',
    '轉人工後8分鐘第一次詢問。',
    [
      ['customer', '想改明天的預約時間', 0],
      ['ai', '已為您轉接專人，請稍候。', 0.5],
    ],
    ['請問有人看到了嗎？', 8],
    true,
  ),
  d(
    'waiting',
    'zh-TW',
    'orange',
    '等了40分鐘開始不滿。',
    [
      ['customer', '打完瘦臉針可以喝酒嗎 今晚有聚餐', 0],
      ['ai', '已轉給醫護人員，稍後回覆您。', 1],
      ['customer', '哈囉？', 15],
    ],
    ['已經等40分鐘了，有點誇張', 40],
    true,
  ),
  d(
    'waiting',
    'zh-TW',
    'red',
    '兩個多小時沒人理，語氣客氣但明顯被晾著。',
    [
      ['customer', '麻煩幫我開收據', 0],
      ['ai', '工作人員稍後會提供給您。', 1],
      ['customer', '請問好了嗎', 70],
    ],
    ['從早上等到現在都沒有人回覆，請問還有人在嗎', 200],
    true,
  ),
  d(
    'hesitation',
    'zh-TW',
    'yellow',
    '價格猶豫。',
    [
      ['customer', 'Ulthera 600發多少', 0],
      ['ai', 'Ulthera 600發為2,690,000韓元。', 1],
    ],
    ['哇好貴…我再想一下', 2],
  ),
  d('hesitation', 'zh-TW', 'yellow', '困惑。', [['ai', '淡斑可以選擇皮秒雷射或雷射淨膚。', 0]], ['兩個差在哪？我看不太懂', 2]),
  d(
    'green',
    'zh-TW',
    'green',
    '道謝。',
    [
      ['customer', '週六開到幾點', 0],
      ['ai', '週六營業到16:00喔。', 1],
    ],
    ['好的 謝謝你～', 2],
  ),
  d('green', 'zh-TW', 'green', '預約。', [], ['您好，想預約下週三下午的麗珠蘭，兩位', 0]),
  d('green', 'zh-TW', 'green', '普通問題。', [], ['請問可以刷台灣發行的信用卡嗎？', 0]),
  d('green', 'zh-TW', 'green', '表情符號表示開心。', [['staff', '預約完成！12日下午兩點見😊', 0]], ['耶～好期待😆😆', 1]),
  d('green', 'zh-TW', 'green', '滿意效果。', [['staff', '皮秒做完一週，膚況如何呢？', 0]], ['斑真的淡很多！超開心', 100]),
  d('green', 'zh-TW', 'green', '普通術後問題。', [], ['打完水光針當天可以洗臉嗎？', 0]),
  d(
    'green',
    'zh-TW',
    'green',
    '等專人但才1分鐘，很平和。',
    [
      ['customer', '可以幫我加一個小氣泡嗎', 0],
      ['ai', '我幫您確認時段，請稍候。', 0.5],
    ],
    ['好喔 不急～', 1.5],
    true,
  ),
  d(
    'green',
    'zh-TW',
    'green',
    'AI 沒有提問，單純「了解」。',
    [
      ['customer', '可以停車嗎', 0],
      ['ai', '大樓地下2～4樓可停車，療程顧客免費2小時。', 0.5],
    ],
    ['了解', 1],
  ),
  d('green', 'zh-TW', 'green', '回覆提醒。', [['staff', '提醒您明天上午10點半的預約。', 0]], ['收到！明天見', 20]),
  d('green', 'zh-TW', 'green', '交通問題。', [], ['從明洞搭地鐵過去大概多久？', 0]),
  d('green', 'zh-TW', 'green', '詢問療程時間。', [['ai', '您好～請問有什麼需要幫忙的嗎？', 0]], ['音波拉提大概要做多久？', 1]),

  // ═══════════════════════════════ Vietnamese ═══════════════════════════════
  d(
    'threat',
    'vi',
    'red',
    'Lịch sự nhưng nói sẽ đánh giá xấu trên Facebook.',
    [
      ['customer', 'Chị làm aqua peel hôm qua mà nhân viên làm qua loa lắm ạ.', 0],
      ['ai', 'Dạ, phòng khám rất xin lỗi, em đã chuyển ý kiến cho nhân viên.', 1],
    ],
    ['Cảm ơn em. Nhưng nếu hôm nay không ai liên hệ lại thì chị xin phép viết review trên Facebook để mọi người biết nhé.', 9],
  ),
  d(
    'threat',
    'vi',
    'red',
    'Thô, đòi hoàn tiền và dọa bóc phốt.',
    [
      ['customer', 'tiem botox gon ham 1 thang roi chang thay gi', 0],
      ['ai', 'Dạ, hiệu quả thường rõ sau 2–4 tuần, chị gửi ảnh giúp em được không ạ?', 1],
    ],
    ['thoi khoi noi nhieu, tra tien lai di, khong thi toi boc phot len group', 3],
  ),
  d(
    'threat',
    'vi',
    'red',
    'Nhắc tới luật sư và khiếu nại cơ quan chức năng.',
    [
      ['customer', 'Sau khi tiêm filler mũi tôi bị nổi cục cứng.', 0],
      ['staff', 'Dạ rất xin lỗi, chị có thể quay lại phòng khám để bác sĩ kiểm tra không ạ?', 35],
    ],
    ['Tôi về Việt Nam rồi. Tôi đã nhờ luật sư và sẽ khiếu nại lên cơ quan chức năng, gửi hồ sơ bệnh án cho tôi.', 50],
  ),
  d(
    'symptom',
    'vi',
    'orange',
    'Lịch sự, hỏi vì má vẫn sưng và bầm sau 3 ngày.',
    [['ai', 'Dạ chào chị Lan, sau khi tiêm filler rãnh mũi má chị thấy thế nào ạ?', 0]],
    ['Xin lỗi đã làm phiền, nhưng đã 3 ngày rồi mà má em vẫn còn hơi sưng và bầm một chút, như vậy có bình thường không ạ?', 25],
  ),
  d(
    'symptom',
    'vi',
    'red',
    'Da chuyển tím và đau tăng: dấu hiệu tắc mạch.',
    [
      ['customer', 'hom qua em tiem filler moi', 0],
      ['ai', 'Dạ cảm ơn chị đã báo, hôm nay chị thấy sao ạ?', 1],
    ],
    ['moi tren bi tim tai lai, dau ngay cang nhieu', 3],
  ),
  d(
    'competitor',
    'vi',
    'red',
    'Chờ lâu, so sánh với bên khác trả lời nhanh, bỏ đi.',
    [
      ['customer', 'thứ 7 này còn lịch Ulthera không ạ', 0],
      ['ai', 'Dạ em hỏi nhân viên giúp chị, chị chờ chút nhé.', 1],
    ],
    ['thôi khỏi, bên khác trả lời em trong 5 phút, em đặt bên đó rồi', 25],
    true,
  ),
  d(
    'competitor',
    'vi',
    'yellow',
    'Chỉ so giá, không dọa bỏ đi.',
    [
      ['customer', 'skin botox bao nhiêu ạ', 0],
      ['ai', 'Dạ skin botox toàn mặt đang ưu đãi 190.000 won ạ.', 1],
    ],
    ['bên kia có 150k thôi à, bên mình có bớt được không', 4],
  ),
  d(
    'disengaged',
    'vi',
    'yellow',
    'Được hỏi câu cụ thể mà chỉ trả lời "ok".',
    [
      ['customer', 'em muon lam dep da', 0],
      ['ai', 'Dạ, chị muốn cải thiện nám, lỗ chân lông hay độ ẩm ạ? Chị ở Seoul đến ngày nào ạ?', 1],
    ],
    ['ok', 10],
  ),
  d(
    'disengaged',
    'vi',
    'yellow',
    'Trả lời né tránh "để sau".',
    [
      ['customer', 'cho em hoi Rejuran', 0],
      ['ai', 'Dạ, chị muốn đặt lịch vào ngày nào để em kiểm tra chỗ trống ạ?', 1],
    ],
    ['de sau nha', 16],
  ),
  d(
    'repeated',
    'vi',
    'orange',
    'Hỏi lại vì bị trả lời lạc đề.',
    [
      ['customer', 'tiêm filler môi có đau không ạ', 0],
      ['ai', 'Dạ filler môi 1cc là 400.000 won ạ.', 1],
    ],
    ['em hỏi là có đau không mà, không phải hỏi giá', 3],
  ),
  d(
    'repeated',
    'vi',
    'orange',
    'Lần thứ ba hỏi cùng một câu.',
    [
      ['customer', 'có phiên dịch tiếng Việt không', 0],
      ['ai', 'Dạ phòng khám ở tầng 9, ga Sinnonhyeon cửa số 5.', 1],
      ['customer', 'phiên dịch tiếng Việt có không ạ?', 2],
      ['ai', 'Dạ chị có thể đặt lịch ngay trong khung chat này.', 3],
    ],
    ['hỏi 3 lần rồi đó, rốt cuộc có phiên dịch tiếng Việt không?', 5],
  ),
  d(
    'waiting',
    'vi',
    'yellow',
    'Nhắc nhẹ sau 10 phút chờ nhân viên.',
    [
      ['customer', 'em muốn đổi lịch sang thứ 6', 0],
      ['ai', 'Dạ em đã chuyển cho nhân viên, chị chờ chút nhé.', 0.5],
    ],
    ['có ai không ạ?', 10],
    true,
  ),
  d(
    'waiting',
    'vi',
    'orange',
    'Chờ gần 1 tiếng, bực mình.',
    [
      ['customer', 'tiêm xong uống thuốc giảm đau được không', 0],
      ['ai', 'Dạ em đã chuyển câu hỏi cho nhân viên y tế.', 1],
      ['customer', 'alo', 20],
    ],
    ['chờ gần 1 tiếng rồi đó, hỏi có 1 câu thôi mà', 52],
    true,
  ),
  d(
    'waiting',
    'vi',
    'red',
    'Bị bỏ mặc hơn 3 tiếng.',
    [
      ['customer', 'xuất hóa đơn giúp em với', 0],
      ['ai', 'Dạ nhân viên sẽ gửi cho chị ngay ạ.', 1],
      ['customer', 'sao chưa có ạ', 60],
      ['customer', '???', 140],
    ],
    ['3 tiếng rồi không ai trả lời, làm ăn kiểu gì vậy', 200],
    true,
  ),
  d(
    'hesitation',
    'vi',
    'yellow',
    'Chần chừ vì giá.',
    [
      ['customer', 'thermage toàn mặt giá sao ạ', 0],
      ['ai', 'Dạ Thermage FLX toàn mặt 600 shot đang ưu đãi 2.390.000 won ạ.', 1],
    ],
    ['mắc quá trời… để em suy nghĩ thêm', 2],
  ),
  d(
    'hesitation',
    'vi',
    'yellow',
    'Bối rối giữa hai dịch vụ.',
    [['ai', 'Dạ để nâng cơ có Ulthera và Shurink Universe ạ.', 0]],
    ['em không hiểu lắm, hai cái khác nhau chỗ nào vậy ạ?', 2],
  ),
  d(
    'green',
    'vi',
    'green',
    'Cảm ơn.',
    [
      ['customer', 'mấy giờ đóng cửa ạ', 0],
      ['ai', 'Dạ thứ Hai–Sáu đến 20:00, thứ Bảy đến 16:00 ạ.', 1],
    ],
    ['dạ em cảm ơn nhiều ạ', 2],
  ),
  d('green', 'vi', 'green', 'Đặt lịch.', [], ['Cho em đặt lịch tiêm căng bóng chiều thứ 5 tuần sau nha', 0]),
  d('green', 'vi', 'green', 'Câu hỏi thường, không dấu.', [], ['phong kham co nhan the visa khong a', 0]),
  d('green', 'vi', 'green', 'Vui vẻ với emoji.', [['staff', 'Dạ lịch hẹn của chị đã được xác nhận: 14h ngày 12 ạ 😊', 0]], ['yeahhh 🥳🥳 hẹn gặp nha', 2]),
  d(
    'green',
    'vi',
    'green',
    'Hài lòng với kết quả.',
    [['staff', 'Dạ sau 2 tuần tiêm botox gọn hàm, chị thấy sao ạ?', 0]],
    ['mặt thon hẳn luôn, em thích lắm 😍', 80],
  ),
  d('green', 'vi', 'green', 'Câu hỏi chăm sóc sau thông thường.', [], ['làm pico toning xong hôm sau trang điểm được không ạ', 0]),
  d(
    'green',
    'vi',
    'green',
    'Đang chờ nhân viên nhưng mới 2 phút, thoải mái.',
    [
      ['customer', 'cho em thêm aqua peel vào lịch ngày mai được không', 0],
      ['ai', 'Dạ em hỏi nhân viên kiểm tra lịch, chị chờ chút ạ.', 0.5],
    ],
    ['dạ không sao, chị cứ từ từ', 2],
    true,
  ),
  d(
    'green',
    'vi',
    'green',
    'AI không hỏi gì, chỉ xác nhận "dạ".',
    [
      ['customer', 'địa chỉ ở đâu ạ', 0],
      ['ai', 'Dạ tầng 9, số 470 Gangnam-daero, ga Sinnonhyeon cửa số 5 ạ.', 0.5],
    ],
    ['dạ', 1],
  ),
  d(
    'green',
    'vi',
    'green',
    'Trả lời nhắc lịch.',
    [['staff', 'Dạ nhắc chị lịch hẹn 11h sáng mai, chị mang hộ chiếu nhé.', 0]],
    ['ok em nhớ rồi, mai gặp ạ', 30],
  ),
  d('green', 'vi', 'green', 'Hỏi đường từ sân bay.', [], ['từ sân bay Incheon đi tới phòng khám thế nào ạ', 0]),
  d('green', 'vi', 'green', 'Hỏi thời gian làm.', [['ai', 'Dạ xin chào, em có thể giúp gì ạ?', 0]], ['tiêm Rejuran mất khoảng bao lâu vậy ạ?', 1]),

  // ═══════════════════════════════ Korean ═══════════════════════════════
  d(
    'threat',
    'ko',
    'red',
    '정중하지만 후기·커뮤니티 공개를 예고.',
    [
      ['customer', '지난주 레이저토닝 받았는데 상담 때 들은 가격이랑 결제 금액이 달랐어요.', 0],
      ['ai', '불편을 드려 죄송합니다. 담당 직원에게 전달했습니다.', 1],
    ],
    ['답변 감사합니다. 다만 오늘 중으로 책임자분 연락이 없으면 강남언니랑 맘카페에 후기 남길 수밖에 없을 것 같아요.', 7],
  ),
  d(
    'threat',
    'ko',
    'red',
    '반말로 환불 요구와 신고 협박.',
    [
      ['customer', '리쥬란 맞고 엠보가 일주일째 그대로임', 0],
      ['ai', '불편하시겠어요. 사진을 보내주시면 원장님께 확인받겠습니다.', 1],
    ],
    ['사진은 무슨 사진이야 환불해 안 하면 보건소에 신고한다', 3],
  ),
  d(
    'threat',
    'ko',
    'red',
    '변호사 선임과 의료분쟁조정 신청 언급.',
    [
      ['customer', '울쎄라 받고 턱에 화상 자국이 생겼어요.', 0],
      ['staff', '정말 죄송합니다. 내일 내원하셔서 원장님 진료 받아보실 수 있을까요?', 20],
    ],
    ['이미 변호사랑 상담했고 의료분쟁조정중재원에 신청할 예정입니다. 진료기록 사본 준비해 주세요.', 35],
  ),
  d(
    'symptom',
    'ko',
    'orange',
    '공손하게 3일째 붓기·멍이 남아 있다고 문의: 진료 확인 필요.',
    [['ai', '김지수 님, 입술 필러 후 불편한 곳은 없으신가요?', 0]],
    ['바쁘신데 죄송해요ㅠ 3일 지났는데 아직 한쪽이 좀 부어 있고 멍도 살짝 남아 있어요. 괜찮은 건가요?', 18],
  ),
  d(
    'symptom',
    'ko',
    'red',
    '피부색이 보랏빛으로 변하고 통증이 심해짐: 혈관 폐색 의심.',
    [
      ['customer', '어제 팔자필러 맞았어요', 0],
      ['ai', '알려주셔서 감사합니다. 오늘은 어떠세요?', 1],
    ],
    ['코옆이 점점 보라색으로 변하고 통증이 더 심해져요', 3],
  ),
  d(
    'competitor',
    'ko',
    'red',
    '답이 늦자 다른 병원은 5분 만에 답했다며 이탈 선언.',
    [
      ['customer', '이번주 토요일 써마지 자리 있나요?', 0],
      ['ai', '직원에게 확인 후 바로 안내드리겠습니다.', 1],
    ],
    ['됐어요 옆 병원은 5분 만에 답 주던데요. 거기서 할게요', 26],
    true,
  ),
  d(
    'competitor',
    'ko',
    'yellow',
    '가격 비교만, 이탈 의사는 없음.',
    [
      ['customer', '슈링크 300샷 얼마에요', 0],
      ['ai', '슈링크 유니버스 300샷은 현재 이벤트가 129,000원입니다.', 1],
    ],
    ['음 다른 데는 9만9천원이던데 조금 더 할인은 안 되나요?', 4],
  ),
  d(
    'disengaged',
    'ko',
    'yellow',
    '구체적 질문에 "네.."로만 답함.',
    [
      ['customer', '모공 때문에 고민이에요', 0],
      ['ai', '스킨보톡스나 리쥬란을 많이 하세요. 혹시 다운타임이 괜찮으신지, 언제쯤 시술 원하세요?', 1],
    ],
    ['네..', 13],
  ),
  d(
    'disengaged',
    'ko',
    'yellow',
    '시간대를 묻자 "나중에 볼게요".',
    [
      ['customer', '아쿠아필 토요일 가능해요?', 0],
      ['ai', '가능합니다! 오전과 오후 중 언제가 편하세요?', 1],
    ],
    ['나중에 볼게요', 18],
  ),
  d(
    'repeated',
    'ko',
    'orange',
    '질문과 다른 답을 받아 다시 물음.',
    [
      ['customer', '써마지 수면마취 돼요?', 0],
      ['ai', '써마지 FLX 얼굴 600샷은 이벤트가 2,390,000원입니다.', 1],
    ],
    ['가격 말고 수면마취 되냐고요', 2],
  ),
  d(
    'repeated',
    'ko',
    'orange',
    '같은 질문을 세 번째 함.',
    [
      ['customer', '일요일에 진료하나요?', 0],
      ['ai', '저희는 신논현역 5번 출구 앞에 있습니다.', 1],
      ['customer', '아니 일요일 진료 하냐구요', 2],
      ['ai', '예약은 이 채팅으로 도와드릴게요.', 3],
    ],
    ['세 번째 묻는 건데 일요일에 하세요 안 하세요?', 5],
  ),
  d(
    'waiting',
    'ko',
    'yellow',
    '연결 후 10분, 가볍게 확인 요청.',
    [
      ['customer', '예약 시간 30분만 늦출 수 있을까요?', 0],
      ['ai', '담당 직원에게 연결해 드렸어요. 곧 답변드릴게요.', 0.5],
    ],
    ['혹시 확인되셨을까요?', 10],
    true,
  ),
  d(
    'waiting',
    'ko',
    'orange',
    '40분 넘게 기다리며 짜증.',
    [
      ['customer', '필러 맞고 내일 비행기 타도 되는지 궁금해요', 0],
      ['ai', '의료진에게 확인 후 답변드리겠습니다.', 1],
      ['customer', '아직인가요?', 20],
    ],
    ['40분째 기다리는 중인데 너무 늦네요', 43],
    true,
  ),
  d(
    'waiting',
    'ko',
    'red',
    '정중한 말투지만 4시간 넘게 방치됨.',
    [
      ['customer', '진료비 영수증 재발급 부탁드려요', 0],
      ['ai', '직원이 확인 후 보내드리겠습니다.', 1],
      ['customer', '확인 부탁드립니다', 90],
    ],
    ['오전에 문의드렸는데 아직 아무 연락이 없으시네요.', 260],
    true,
  ),
  d(
    'hesitation',
    'ko',
    'yellow',
    '가격 듣고 망설임.',
    [
      ['customer', '울쎄라 600샷은요?', 0],
      ['ai', '울쎄라 600샷은 2,690,000원입니다.', 1],
    ],
    ['헉 생각보다 비싸네요.. 좀 고민해볼게요', 2],
  ),
  d(
    'hesitation',
    'ko',
    'yellow',
    '두 제품 차이를 몰라 혼란.',
    [['ai', '이마 보톡스는 국산 59,000원, 수입 220,000원이 있습니다.', 0]],
    ['국산이랑 수입이랑 뭐가 그렇게 달라요? 헷갈리네요', 2],
  ),
  d(
    'green',
    'ko',
    'green',
    '감사 인사.',
    [
      ['customer', '점심시간 언제에요?', 0],
      ['ai', '점심시간은 13:00~14:00입니다.', 0.5],
    ],
    ['넵 감사합니다~', 1],
  ),
  d('green', 'ko', 'green', '예약 요청.', [], ['다음주 금요일 오후 3시에 물광주사 예약하고 싶어요', 0]),
  d('green', 'ko', 'green', '일반 질문.', [], ['카드 할부 되나요?', 0]),
  d('green', 'ko', 'green', '이모지로 기쁨 표현.', [['staff', '12일 오후 2시로 예약 확정되었습니다 😊', 0]], ['와 감사해요!! 🥰🥰', 1]),
  d('green', 'ko', 'green', '결과에 만족.', [['staff', '사각턱 보톡스 2주 차인데 어떠세요?', 0]], ['턱이 진짜 갸름해졌어요 ㅎㅎ 만족합니다', 70]),
  d('green', 'ko', 'green', '일반적인 시술 후 질문.', [], ['리쥬란 맞고 다음날 출근해도 되나요?', 0]),
  d(
    'green',
    'ko',
    'green',
    '직원 대기 중이지만 1분, 여유 있음.',
    [
      ['customer', '내일 예약에 아쿠아필 추가 가능할까요?', 0],
      ['ai', '직원에게 일정 확인 요청했어요. 잠시만 기다려 주세요.', 0.5],
    ],
    ['네 천천히 보셔도 돼요', 1.5],
    true,
  ),
  d(
    'green',
    'ko',
    'green',
    'AI가 질문하지 않은 상황의 짧은 "ㅇㅋ".',
    [
      ['customer', '주차돼요?', 0],
      ['ai', '건물 지하 2~4층 주차 가능하고 시술 고객은 2시간 무료입니다.', 0.5],
    ],
    ['ㅇㅋ', 1],
  ),
  d('green', 'ko', 'green', '리마인더에 답.', [['staff', '내일 오전 11시 예약 잊지 마세요!', 0]], ['네 내일 뵐게요', 25]),
  d('green', 'ko', 'green', '오시는 길 질문.', [], ['신논현역 몇 번 출구로 나가면 돼요?', 0]),
  d('green', 'ko', 'green', '시술 시간 질문.', [['ai', '안녕하세요! 무엇을 도와드릴까요?', 0]], ['슈링크는 시술 시간 얼마나 걸려요?', 1]),
];

const LANG_ORDER: Lang[] = ['ko', 'ja', 'en', 'zh', 'zh-TW', 'vi'];
const KIND_ORDER: DialogueKind[] = ['threat', 'symptom', 'competitor', 'disengaged', 'repeated', 'waiting', 'hesitation', 'green'];

/**
 * Deterministic split: within each language × kind group, dialogues alternate dev / test in file order,
 * the group's starting split alternating with (language index + kind index).
 */
function withSplits(raw: Raw[]): UnseenDialogue[] {
  const seen = new Map<string, number>();
  const perLang = new Map<Lang, number>();
  return raw.map((r) => {
    const key = `${r.language}|${r.kind}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    const n = (perLang.get(r.language) ?? 0) + 1;
    perLang.set(r.language, n);
    const start = (LANG_ORDER.indexOf(r.language) + KIND_ORDER.indexOf(r.kind)) % 2;
    const split: 'dev' | 'test' = (i + start) % 2 === 0 ? 'dev' : 'test';
    return { ...r, id: `ud-${r.language.toLowerCase()}-${String(n).padStart(3, '0')}`, split, source: 'unseen-2026-12' as const };
  });
}

export const UNSEEN_DIALOGUES: UnseenDialogue[] = withSplits(RAW);
