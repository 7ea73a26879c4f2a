/**
 * The push XML parser: what WeChat sends is read faithfully, and nothing else gets far.
 */
import { parseXml, XmlParseError } from '../../nodes/shared/xml';
import { toXml } from '../sandbox/callbacks';

function reasonOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		return error instanceof XmlParseError ? error.reason : `unexpected: ${String(error)}`;
	}
	return undefined;
}

/** The official wxalive_follow_notify sample, verbatim, with its two broken CDATA sections. */
const OFFICIAL_FOLLOW_SAMPLE = `<xml>
<ToUserName><![CDATA[toUser]]></ToUserName>
<FromUserName><![CDATA[fromUser]]></FromUserName>
<CreateTime>1546924844</CreateTime>
<MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[wxalive_follow_notify]]></Event>
<FollowNotify>
<room_id>1</room_id>
<user_openid>![CDATA[xxx]]</user_openid>
<time>1546924844</time>
<live_status>101</live_status>
<action>![CDATA[add_follow]]</action>
</FollowNotify>
</xml>`;

describe('reading WeChat push XML', () => {
	it('reads a flat customer-service message, CDATA text as strings', () => {
		const xml = `<xml>
   <ToUserName><![CDATA[toUser]]></ToUserName>
   <FromUserName><![CDATA[fromUser]]></FromUserName>
   <CreateTime>1482048670</CreateTime>
   <MsgType><![CDATA[text]]></MsgType>
   <Content><![CDATA[this is a test]]></Content>
   <MsgId>1234567890123456</MsgId>
</xml>`;
		expect(parseXml(xml)).toEqual({
			ToUserName: 'toUser',
			FromUserName: 'fromUser',
			CreateTime: '1482048670',
			MsgType: 'text',
			Content: 'this is a test',
			MsgId: '1234567890123456',
		});
	});

	it('turns bare integers into numbers on request, but never CDATA text or 64-bit ids', () => {
		const xml =
			'<xml><CreateTime>1482048670</CreateTime><Content><![CDATA[42]]></Content><MsgId>6054768590064713728</MsgId><Note>007</Note></xml>';
		expect(parseXml(xml, { numbers: true })).toEqual({
			CreateTime: 1482048670,
			Content: '42',
			MsgId: '6054768590064713728',
			Note: '007',
		});
	});

	it('reads the official follow-notify sample, including its malformed CDATA', () => {
		expect(parseXml(OFFICIAL_FOLLOW_SAMPLE, { numbers: true })).toEqual({
			ToUserName: 'toUser',
			FromUserName: 'fromUser',
			CreateTime: 1546924844,
			MsgType: 'event',
			Event: 'wxalive_follow_notify',
			FollowNotify: {
				room_id: 1,
				user_openid: 'xxx',
				time: 1546924844,
				live_status: 101,
				action: 'add_follow',
			},
		});
	});

	it('keeps CDATA verbatim: markup, entities-looking text, whitespace and CJK', () => {
		const xml = '<xml><Content><![CDATA[ <b>&amp; 直播 </b> ]]></Content></xml>';
		expect(parseXml(xml)).toEqual({ Content: ' <b>&amp; 直播 </b> ' });
	});

	it('decodes the five predefined entities and character references in plain text', () => {
		const xml = '<xml><a>&lt;&gt;&amp;&quot;&apos;</a><b>&#30452;&#x64AD;</b></xml>';
		expect(parseXml(xml)).toEqual({ a: `<>&"'`, b: '直播' });
	});

	it('collects repeated elements into a list, as in subscribe-message pushes', () => {
		const xml =
			'<xml><SubscribeMsgPopupEvent><List><TemplateId><![CDATA[a]]></TemplateId></List><List><TemplateId><![CDATA[b]]></TemplateId></List></SubscribeMsgPopupEvent></xml>';
		expect(parseXml(xml)).toEqual({
			SubscribeMsgPopupEvent: { List: [{ TemplateId: 'a' }, { TemplateId: 'b' }] },
		});
	});

	it('accepts an XML declaration, comments, empty elements and ignores attributes', () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<!-- push --><xml><a/><b></b><c id="1">x</c></xml>';
		expect(parseXml(xml)).toEqual({ a: '', b: '', c: 'x' });
	});

	it('round-trips what the sandbox writes as WeChat does, including "]]>" inside a string', () => {
		const event = {
			ToUserName: 'gh_1',
			CreateTime: 1606273828,
			Content: 'a]]>b',
			PushMessageApiNotify: { message_id: '1622047360795164672', room_id: 3 },
		};
		const xml = toXml(event);
		expect(xml).toBe(
			'<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1606273828</CreateTime><Content><![CDATA[a]]]]><![CDATA[>b]]></Content><PushMessageApiNotify><message_id><![CDATA[1622047360795164672]]></message_id><room_id>3</room_id></PushMessageApiNotify></xml>',
		);
		expect(parseXml(xml, { numbers: true })).toEqual(event);
	});
});

describe('refusing dangerous or broken XML', () => {
	it('an entity-expansion ("billion laughs") payload is refused before parsing', () => {
		const xml = `<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<xml><Content>&lol2;</Content></xml>`;
		expect(reasonOf(() => parseXml(xml))).toBe('doctype');
	});

	it('an external entity (XXE) is refused', () => {
		const xml = '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><a>&xxe;</a></xml>';
		expect(reasonOf(() => parseXml(xml))).toBe('doctype');
	});

	it('undeclared entities and bare ampersands are refused', () => {
		expect(reasonOf(() => parseXml('<xml><a>&xxe;</a></xml>'))).toBe('entity');
		expect(reasonOf(() => parseXml('<xml><a>fish & chips</a></xml>'))).toBe('entity');
		expect(reasonOf(() => parseXml('<xml><a>&#0;</a></xml>'))).toBe('entity');
		expect(reasonOf(() => parseXml('<xml><a>&#xD800;</a></xml>'))).toBe('entity');
	});

	it('other markup declarations and processing instructions are refused', () => {
		expect(reasonOf(() => parseXml('<xml><!ELEMENT a ANY><a>1</a></xml>'))).toBe('doctype');
		expect(reasonOf(() => parseXml('<xml><?php echo 1 ?><a>1</a></xml>'))).toBe('malformed');
	});

	it('nesting deeper than the cap is refused', () => {
		expect(parseXml('<xml><a><b><c><d>1</d></c></b></a></xml>')).toEqual({
			a: { b: { c: { d: '1' } } },
		});
		expect(reasonOf(() => parseXml('<xml><a><b><c><d><e>1</e></d></c></b></a></xml>'))).toBe(
			'too_deep',
		);
		expect(reasonOf(() => parseXml('<xml><a><b>1</b></a></xml>', { maxDepth: 2 }))).toBe(
			'too_deep',
		);
	});

	it('too many elements or too much text is refused', () => {
		const many = `<xml>${'<a>1</a>'.repeat(600)}</xml>`;
		expect(reasonOf(() => parseXml(many))).toBe('too_many_elements');
		expect(reasonOf(() => parseXml(`<xml><a>${'x'.repeat(70000)}</a></xml>`))).toBe('too_large');
		expect(reasonOf(() => parseXml('<xml><a>12345</a></xml>', { maxLength: 10 }))).toBe(
			'too_large',
		);
	});

	it('broken structure is refused', () => {
		const broken = [
			'',
			'plain text',
			'<xml><a>1</b></xml>',
			'<xml><a>1</a>',
			'<xml><a><![CDATA[1</a></xml>',
			'<xml></xml><xml></xml>',
			'<xml>text</xml>',
			'<xml><a>1</a>stray</xml>',
			'<xml><a>1</a></xml>trailing',
			'<xml><__proto__>1</__proto__></xml>',
			'<xml><a>x]]>y</a></xml>',
		];
		for (const xml of broken) {
			expect({ xml, reason: reasonOf(() => parseXml(xml)) }).toEqual({ xml, reason: 'malformed' });
		}
	});
});
