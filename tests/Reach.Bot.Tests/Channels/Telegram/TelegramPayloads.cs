namespace Reach.Bot.Tests.Channels.Telegram;

/// <summary>The example updates of channel-apis.md §1.5, verbatim.</summary>
internal static class TelegramPayloads
{
    /// <summary>§1.5 (b): a text message in a private chat, Bot API 10.1 schema.</summary>
    public const string TextMessage = """
        {
          "update_id": 734201001,
          "message": {
            "message_id": 42,
            "from": {
              "id": 987654321,
              "is_bot": false,
              "first_name": "Amina",
              "last_name": "B.",
              "username": "amina_b",
              "language_code": "fr"
            },
            "chat": {
              "id": 987654321,
              "first_name": "Amina",
              "last_name": "B.",
              "username": "amina_b",
              "type": "private"
            },
            "date": 1767261600,
            "text": "/start",
            "entities": [
              { "offset": 0, "length": 6, "type": "bot_command" }
            ]
          }
        }
        """;

    /// <summary>§1.5 (b): a callback query from an inline button on a message the bot sent.</summary>
    public const string CallbackQuery = """
        {
          "update_id": 734201002,
          "callback_query": {
            "id": "4382bfdwdsb323b2d9",
            "from": {
              "id": 987654321,
              "is_bot": false,
              "first_name": "Amina",
              "language_code": "ar"
            },
            "message": {
              "message_id": 43,
              "from": {
                "id": 7000000001,
                "is_bot": true,
                "first_name": "Rappels ASBL",
                "username": "rappels_asbl_bot"
              },
              "chat": {
                "id": 987654321,
                "first_name": "Amina",
                "type": "private"
              },
              "date": 1767261660,
              "text": "Choisissez votre langue / Kies uw taal",
              "reply_markup": {
                "inline_keyboard": [
                  [
                    { "text": "Français", "callback_data": "lang:fr" },
                    { "text": "Nederlands", "callback_data": "lang:nl" }
                  ],
                  [
                    { "text": "العربية", "callback_data": "lang:ar" },
                    { "text": "Українська", "callback_data": "lang:uk" }
                  ]
                ]
              }
            },
            "chat_instance": "-3752118293157843202",
            "data": "lang:nl"
          }
        }
        """;

    /// <summary>§1.5 (a): the official webhooks-guide sample, old (no is_bot, no chat.type).</summary>
    public const string OfficialTextMessage = """
        {
        "update_id":10000,
        "message":{
          "date":1441645532,
          "chat":{
             "last_name":"Test Lastname",
             "id":1111111,
             "first_name":"Test",
             "username":"Test"
          },
          "message_id":1365,
          "from":{
             "last_name":"Test Lastname",
             "id":1111111,
             "first_name":"Test",
             "username":"Test"
          },
          "text":"/start"
        }
        }
        """;

    /// <summary>§1.5 (a): the official callback sample, from an inline-mode message (no message, no chat_instance).</summary>
    public const string OfficialCallbackQuery = """
        {
        "update_id":10000,
        "callback_query":{
          "id": "4382bfdwdsb323b2d9",
          "from":{
             "last_name":"Test Lastname",
             "type": "private",
             "id":1111111,
             "first_name":"Test Firstname",
             "username":"Testusername"
          },
          "data": "Data from button callback",
          "inline_message_id": "1234csdbsk4839"
        }
        }
        """;

    /// <summary>A later update of the same chat, for offset tests.</summary>
    public const string ThirdMessage = """
        {"update_id":734201003,"message":{"message_id":44,"from":{"id":987654321,"is_bot":false,"first_name":"Amina"},"chat":{"id":987654321,"type":"private"},"date":1767261720,"text":"Merci"}}
        """;
}
