namespace Reach.Web.Chat;

/// <summary>The web chat page: plain HTML, usable on a phone, right-to-left per message for Arabic.</summary>
internal static class ChatPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Reach — chat</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f2; color: #1a1a1a; }
          main { max-width: 40rem; margin: 0 auto; min-height: 100vh; display: flex; flex-direction: column; background: #fff; }
          h1 { font-size: 1.2rem; margin: 0; padding: .8rem 1rem; background: #1f5f8b; color: #fff; }
          #log { flex: 1; overflow-y: auto; padding: 1rem; list-style: none; margin: 0; }
          #log li { margin: .4rem 0; padding: .6rem .8rem; border-radius: .6rem; max-width: 85%; white-space: pre-wrap; line-height: 1.4; }
          #log li.me { background: #dcecf7; margin-inline-start: auto; }
          #log li.reach { background: #efefef; }
          .choices { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; }
          .choices button { font: inherit; padding: .45rem .7rem; border: 1px solid #1f5f8b; border-radius: 1rem; background: #fff; color: #1f5f8b; }
          form { display: flex; gap: .5rem; padding: .8rem; border-top: 1px solid #ddd; }
          form input { flex: 1; font: inherit; padding: .6rem; border: 1px solid #999; border-radius: .4rem; }
          form button { font: inherit; padding: .6rem 1rem; border: 0; border-radius: .4rem; background: #1f5f8b; color: #fff; }
          .sr { position: absolute; left: -9999px; }
        </style>
        </head>
        <body>
        <main>
          <h1>Reach</h1>
          <ul id="log" aria-live="polite" aria-label="Conversation"></ul>
          <form id="form">
            <label for="text" class="sr">Your message</label>
            <input id="text" name="text" autocomplete="off" dir="auto" placeholder="…" required>
            <button type="submit">➤<span class="sr">Send</span></button>
          </form>
        </main>
        <script>
          const session = localStorage.getItem('reach-session') || crypto.randomUUID();
          localStorage.setItem('reach-session', session);
          const log = document.getElementById('log');
          function show(text, who, rtl, lang, choices) {
            const li = document.createElement('li');
            li.className = who;
            li.textContent = text;
            li.dir = rtl ? 'rtl' : 'auto';
            if (lang) li.lang = lang;
            if (choices && choices.length) {
              const box = document.createElement('div');
              box.className = 'choices';
              for (const c of choices) {
                const b = document.createElement('button');
                b.type = 'button';
                b.textContent = c.label;
                b.dir = 'auto';
                b.onclick = () => { show(c.label, 'me'); send({ choice: c.id }); };
                box.appendChild(b);
              }
              li.appendChild(box);
            }
            log.appendChild(li);
            li.scrollIntoView({ block: 'end' });
          }
          async function send(body) {
            body.session = session;
            body.language = (navigator.language || '').slice(0, 2);
            const response = await fetch('/chat/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
            if (!response.ok) { show('…', 'reach'); return; }
            for (const r of await response.json()) show(r.text, 'reach', r.rtl, r.language, r.choices);
          }
          document.getElementById('form').onsubmit = e => {
            e.preventDefault();
            const input = document.getElementById('text');
            const text = input.value.trim();
            if (!text) return;
            show(text, 'me');
            input.value = '';
            send({ text });
          };
        </script>
        </body>
        </html>
        """;
}
